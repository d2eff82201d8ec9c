#pragma once
// The offline_messages table (db/migrations/0002_accounts.sql): messages to users who were
// offline (IMS MESSAGE result -1, operator team_msg result -1), kept until delivered,
// delivered in the order they were stored, then marked delivered so each is delivered once.

#include <Poco/Data/Session.h>

#include <cstdint>
#include <string>
#include <vector>

namespace ringdesk::store {

struct OfflineMessageRow
{
    std::int64_t id = 0;
    std::string sender;
    std::string recipient;
    std::string body;
    std::int64_t createdAt = 0; // ms since the epoch
};

class OfflineMessageRepository
{
public:
    /// Uses `session` for every statement; the caller owns it and its thread (and transaction).
    explicit OfflineMessageRepository(Poco::Data::Session& session);

    /// Stores a message for `recipient` (an existing username); returns its id.
    std::int64_t store(const std::string& sender, const std::string& recipient,
                       const std::string& body, std::int64_t nowMs);
    /// Undelivered messages of `recipient`, oldest (lowest id) first.
    std::vector<OfflineMessageRow> undelivered(const std::string& recipient);
    /// Marks message `id` delivered at `nowMs`; returns false when it was already delivered.
    bool markDelivered(std::int64_t id, std::int64_t nowMs);

private:
    Poco::Data::Session& session_;
};

} // namespace ringdesk::store
