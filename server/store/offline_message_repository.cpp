#include "server/store/offline_message_repository.h"

#include <Poco/Tuple.h>

using namespace Poco::Data::Keywords;

namespace ringdesk::store {

OfflineMessageRepository::OfflineMessageRepository(Poco::Data::Session& session) : session_(session) {}

std::int64_t OfflineMessageRepository::store(const std::string& sender, const std::string& recipient,
                                             const std::string& body, std::int64_t nowMs)
{
    session_ << "INSERT INTO offline_messages (sender, recipient, body, created_at) VALUES (?, ?, ?, ?)",
        bind(sender), bind(recipient), bind(body), bind(nowMs), now;
    std::int64_t id = 0;
    session_ << "SELECT last_insert_rowid()", into(id), now;
    return id;
}

std::vector<OfflineMessageRow> OfflineMessageRepository::undelivered(const std::string& recipient)
{
    std::vector<Poco::Tuple<std::int64_t, std::string, std::string, std::string, std::int64_t>> rows;
    session_ << "SELECT id, sender, recipient, body, created_at FROM offline_messages "
                "WHERE recipient = ? AND delivered_at IS NULL ORDER BY id",
        bind(recipient), into(rows), now;
    std::vector<OfflineMessageRow> messages;
    for (const auto& row : rows)
        messages.push_back({row.get<0>(), row.get<1>(), row.get<2>(), row.get<3>(), row.get<4>()});
    return messages;
}

bool OfflineMessageRepository::markDelivered(std::int64_t id, std::int64_t nowMs)
{
    Poco::Data::Statement update(session_);
    update << "UPDATE offline_messages SET delivered_at = ? WHERE id = ? AND delivered_at IS NULL",
        bind(nowMs), bind(id);
    return update.execute() > 0;
}

} // namespace ringdesk::store
