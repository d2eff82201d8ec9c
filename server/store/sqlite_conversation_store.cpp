#include "server/store/sqlite_conversation_store.h"

#include <Poco/Tuple.h>

using namespace Poco::Data::Keywords;

namespace ringdesk::store {

using core::ConversationRecord;
using core::TranscriptLine;

SqliteConversationStore::SqliteConversationStore(Poco::Data::Session& session)
    : session_(session),
      updateConversation_(session, "UPDATE conversations SET state = ?, operator_username = ?, "
                                   "operator_display_name = ?, last_seq = ?, updated_at = ? WHERE id = ?"),
      appendMessage_(session, "INSERT INTO messages (conversation_id, seq, from_operator, operator_name, body, ts) "
                              "VALUES (?, ?, ?, ?, ?, ?)"),
      advanceConversation_(session, "UPDATE conversations SET last_seq = ?, updated_at = ? "
                                    "WHERE id = ? AND last_seq < ?")
{
}

std::optional<core::VisitorRecord>
SqliteConversationStore::findVisitorByTokenHash(const std::string& tokenHash)
{
    std::vector<Poco::Tuple<std::string, std::string>> rows;
    session_ << "SELECT id, name FROM visitors WHERE token_hash = ?", bind(tokenHash), into(rows), now;
    if (rows.empty())
        return std::nullopt;
    return core::VisitorRecord{rows.front().get<0>(), rows.front().get<1>()};
}

void SqliteConversationStore::createVisitor(const core::VisitorRecord& visitor,
                                            const std::string& tokenHash,
                                            const std::string& address, std::int64_t nowMs)
{
    session_ << "INSERT INTO visitors (id, token_hash, name, address, created_at) VALUES (?, ?, ?, ?, ?)",
        bind(visitor.id), bind(tokenHash), bind(visitor.name), bind(address), bind(nowMs), now;
}

std::int64_t SqliteConversationStore::createConversation(const ConversationRecord& record,
                                                         std::int64_t nowMs)
{
    session_ << "INSERT INTO conversations (visitor_id, visitor_name, page, state, operator_username, "
                "operator_display_name, last_seq, started_at, updated_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        bind(record.visitorId), bind(record.visitorName), bind(record.page),
        bind(std::string(core::toString(record.state))), bind(record.operatorUsername),
        bind(record.operatorDisplayName), bind(record.lastSeq), bind(nowMs), bind(nowMs), now;
    std::int64_t id = 0;
    session_ << "SELECT last_insert_rowid()", into(id), now;
    return id;
}

void SqliteConversationStore::updateConversation(const ConversationRecord& record, std::int64_t nowMs)
{
    updateConversation_.run(std::string(core::toString(record.state)), record.operatorUsername,
                            record.operatorDisplayName, record.lastSeq, nowMs, record.id);
}

std::vector<ConversationRecord> SqliteConversationStore::selectConversations(const std::string& where,
                                                                             const std::string& argument)
{
    using Row = Poco::Tuple<std::int64_t, std::string, std::string, std::string, std::string,
                            std::string, std::string, std::int64_t>;
    std::vector<Row> rows;
    const std::string sql = "SELECT id, visitor_id, visitor_name, page, state, operator_username, "
                            "operator_display_name, last_seq FROM conversations " + where;
    if (argument.empty())
        session_ << sql, into(rows), now;
    else
        session_ << sql, bind(argument), into(rows), now;
    std::vector<ConversationRecord> records;
    for (const Row& row : rows)
        records.push_back({row.get<0>(), row.get<1>(), row.get<2>(), row.get<3>(),
                           core::conversationStateFromString(row.get<4>()), row.get<5>(),
                           row.get<6>(), row.get<7>()});
    return records;
}

std::optional<ConversationRecord> SqliteConversationStore::latestConversation(const std::string& visitorId)
{
    auto records = selectConversations("WHERE visitor_id = ? ORDER BY id DESC LIMIT 1", visitorId);
    if (records.empty())
        return std::nullopt;
    return records.front();
}

std::vector<ConversationRecord> SqliteConversationStore::openConversations()
{
    return selectConversations("WHERE state IN ('ringing', 'connected', 'waiting') ORDER BY id", {});
}

void SqliteConversationStore::appendMessage(std::int64_t conversationId, const TranscriptLine& message)
{
    appendMessage_.run(conversationId, message.seq, message.fromOperator ? 1 : 0, message.operatorName,
                       message.text, message.ts);
    advanceConversation(conversationId, message.seq, message.ts);
}

void SqliteConversationStore::advanceConversation(std::int64_t conversationId, std::int64_t seq,
                                                  std::int64_t ts)
{
    // Only the two columns every message changes: no indexed column is touched, so SQLite
    // updates the row alone (the full update rewrites the open-conversations index entry too).
    advanceConversation_.run(seq, ts, conversationId, seq);
}

std::vector<TranscriptLine> SqliteConversationStore::messages(std::int64_t conversationId, std::int64_t sinceSeq)
{
    std::vector<Poco::Tuple<std::int64_t, int, std::string, std::string, std::int64_t>> rows;
    session_ << "SELECT seq, from_operator, operator_name, body, ts FROM messages "
                "WHERE conversation_id = ? AND seq > ? ORDER BY seq",
        bind(conversationId), bind(sinceSeq), into(rows), now;
    std::vector<TranscriptLine> result;
    result.reserve(rows.size());
    for (const auto& row : rows)
        result.push_back({row.get<0>(), row.get<1>() != 0, row.get<2>(), row.get<3>(), row.get<4>()});
    return result;
}

void SqliteConversationStore::storeLeftMessage(std::int64_t conversationId, const std::string& visitorId,
                                               const std::string& name, const std::string& email,
                                               const std::string& text, std::int64_t nowMs)
{
    session_ << "INSERT INTO left_messages (conversation_id, visitor_id, name, email, body, created_at) "
                "VALUES (?, ?, ?, ?, ?, ?)",
        bind(conversationId), bind(visitorId), bind(name), bind(email), bind(text), bind(nowMs), now;
}

} // namespace ringdesk::store
