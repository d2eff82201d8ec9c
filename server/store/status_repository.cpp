#include "server/store/status_repository.h"

#include <Poco/Tuple.h>

using namespace Poco::Data::Keywords;

namespace ringdesk::store {

StatusRepository::StatusRepository(Poco::Data::Session& session) : session_(session) {}

std::vector<StatusRow> StatusRepository::list()
{
    std::vector<Poco::Tuple<int, std::string, int>> rows;
    session_ << "SELECT id, name, ringable FROM statuses ORDER BY id", into(rows), now;
    std::vector<StatusRow> statuses;
    for (const auto& row : rows)
        statuses.push_back({row.get<0>(), row.get<1>(), row.get<2>() != 0});
    return statuses;
}

} // namespace ringdesk::store
