#include "server/store/audit_repository.h"

#include <Poco/Data/RecordSet.h>

#include <stdexcept>

using namespace Poco::Data::Keywords;

namespace ringdesk::store {

AuditRepository::AuditRepository(Poco::Data::Session& session) : session_(session) {}

std::int64_t AuditRepository::record(const AuditRow& row)
{
    if (row.admin.empty() || row.action.empty() || row.outcome.empty())
        throw std::invalid_argument("an audit row needs an admin, an action and an outcome");
    if (row.source != audit_source::kCli && row.source != audit_source::kApi)
        throw std::invalid_argument("audit source must be cli or api");
    const std::string arguments = row.arguments.empty() ? std::string("{}") : row.arguments;
    session_ << "INSERT INTO audit_log (at, admin, os_user, source, action, arguments, outcome) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
        bind(row.at), bind(row.admin), bind(row.osUser), bind(row.source), bind(row.action),
        bind(arguments), bind(row.outcome), now;
    std::int64_t id = 0;
    session_ << "SELECT last_insert_rowid()", into(id), now;
    return id;
}

std::vector<AuditRow> AuditRepository::list(std::size_t limit, const std::string& admin, std::int64_t sinceMs)
{
    if (limit == 0)
        throw std::invalid_argument("audit list limit must be at least 1");
    const auto count = static_cast<std::int64_t>(limit);
    Poco::Data::Statement select(session_);
    select << "SELECT id, at, admin, os_user, source, action, arguments, outcome FROM audit_log "
              "WHERE (? = '' OR admin = ?) AND at >= ? ORDER BY id DESC LIMIT ?",
        bind(admin), bind(admin), bind(sinceMs), bind(count);
    select.execute();
    Poco::Data::RecordSet rows(select);
    std::vector<AuditRow> result;
    for (bool more = rows.moveFirst(); more; more = rows.moveNext())
        result.push_back({rows[0].convert<std::int64_t>(), rows[1].convert<std::int64_t>(),
                          rows[2].convert<std::string>(), rows[3].convert<std::string>(),
                          rows[4].convert<std::string>(), rows[5].convert<std::string>(),
                          rows[6].convert<std::string>(), rows[7].convert<std::string>()});
    return result;
}

} // namespace ringdesk::store
