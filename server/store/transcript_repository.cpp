#include "server/store/transcript_repository.h"

#include <Poco/Data/RecordSet.h>

#include <stdexcept>

using namespace Poco::Data::Keywords;

namespace ringdesk::store {
namespace {

constexpr const char* kColumns =
    "SELECT id, visitor_id, visitor_name, page, state, operator_username, operator_display_name, "
    "started_at, updated_at, (SELECT COUNT(*) FROM messages WHERE conversation_id = conversations.id) "
    "FROM conversations";

std::vector<ConversationSummary> toSummaries(Poco::Data::RecordSet& rows)
{
    std::vector<ConversationSummary> result;
    for (bool more = rows.moveFirst(); more; more = rows.moveNext())
        result.push_back({rows[0].convert<std::int64_t>(), rows[1].convert<std::string>(),
                          rows[2].convert<std::string>(), rows[3].convert<std::string>(),
                          rows[4].convert<std::string>(), rows[5].convert<std::string>(),
                          rows[6].convert<std::string>(), rows[7].convert<std::int64_t>(),
                          rows[8].convert<std::int64_t>(), rows[9].convert<std::int64_t>()});
    return result;
}

} // namespace

std::optional<std::int64_t> ConversationSummary::endedAt() const
{
    if (state == "ended" || state == "unanswered")
        return updatedAt;
    return std::nullopt;
}

TranscriptRepository::TranscriptRepository(Poco::Data::Session& session) : session_(session) {}

std::vector<ConversationSummary> TranscriptRepository::list(const TranscriptFilter& filter)
{
    if (filter.limit == 0)
        throw std::invalid_argument("transcript list limit must be at least 1");
    // Only the filters given become conditions, so that a visitor's conversations are found
    // through conversations_by_visitor; every value is bound.
    std::string sql = std::string(kColumns) + " WHERE started_at >= ?";
    if (!filter.visitorId.empty())
        sql += " AND visitor_id = ?";
    if (!filter.operatorUsername.empty())
        sql += " AND operator_username = ?";
    sql += " ORDER BY id DESC LIMIT ?";

    Poco::Data::Statement select(session_);
    select << sql, bind(filter.sinceMs);
    if (!filter.visitorId.empty())
        select.addBind(bind(filter.visitorId));
    if (!filter.operatorUsername.empty())
        select.addBind(bind(filter.operatorUsername));
    select.addBind(bind(static_cast<std::int64_t>(filter.limit)));
    select.execute();
    Poco::Data::RecordSet rows(select);
    return toSummaries(rows);
}

std::optional<ConversationSummary> TranscriptRepository::find(std::int64_t id)
{
    Poco::Data::Statement select(session_);
    select << std::string(kColumns) + " WHERE id = ?", bind(id);
    select.execute();
    Poco::Data::RecordSet rows(select);
    std::vector<ConversationSummary> found = toSummaries(rows);
    if (found.empty())
        return std::nullopt;
    return found.front();
}

std::optional<ForgottenVisitor> TranscriptRepository::forgetVisitor(const std::string& visitorId)
{
    // A write first, touching the visitor's own row without changing it: it takes the write
    // lock and tells whether the visitor exists. A deferred transaction that read first could
    // not write at all once the server committed in between (SQLITE_BUSY_SNAPSHOT in WAL).
    Poco::Data::Statement lock(session_);
    lock << "UPDATE visitors SET name = name WHERE id = ?", bind(visitorId);
    if (lock.execute() == 0)
        return std::nullopt;

    ForgottenVisitor forgotten;
    // Children first: messages and conversations reference their parents (foreign keys on).
    Poco::Data::Statement messages(session_);
    messages << "DELETE FROM messages WHERE conversation_id IN (SELECT id FROM conversations WHERE visitor_id = ?)",
        bind(visitorId);
    forgotten.messages = messages.execute();
    Poco::Data::Statement conversations(session_);
    conversations << "DELETE FROM conversations WHERE visitor_id = ?", bind(visitorId);
    forgotten.conversations = conversations.execute();
    Poco::Data::Statement left(session_);
    left << "DELETE FROM left_messages WHERE visitor_id = ?", bind(visitorId);
    forgotten.leftMessages = left.execute();
    Poco::Data::Statement visitor(session_);
    visitor << "DELETE FROM visitors WHERE id = ?", bind(visitorId);
    visitor.execute();
    return forgotten;
}

} // namespace ringdesk::store
