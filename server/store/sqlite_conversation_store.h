#pragma once
// core::ConversationStore on SQLite (tables visitors, conversations, messages, left_messages
// of db/migrations/0001_initial.sql). Used on the store thread only; the dispatcher reaches it
// through store::ConversationStoreProxy.

#include "server/core/conversation_store.h"
#include "server/store/prepared_statement.h"

#include <Poco/Data/Session.h>

namespace ringdesk::store {

class SqliteConversationStore final : public core::ConversationStore
{
public:
    /// Uses `session` for every statement; the caller owns it and its transactions.
    explicit SqliteConversationStore(Poco::Data::Session& session);

    std::optional<core::VisitorRecord> findVisitorByTokenHash(const std::string& tokenHash) override;
    void createVisitor(const core::VisitorRecord& visitor, const std::string& tokenHash,
                       const std::string& address, std::int64_t nowMs) override;
    std::int64_t createConversation(const core::ConversationRecord& record, std::int64_t nowMs) override;
    void updateConversation(const core::ConversationRecord& record, std::int64_t nowMs) override;
    std::optional<core::ConversationRecord> latestConversation(const std::string& visitorId) override;
    std::vector<core::ConversationRecord> openConversations() override;
    void appendMessage(std::int64_t conversationId, const core::TranscriptLine& message) override;
    void advanceConversation(std::int64_t conversationId, std::int64_t seq, std::int64_t ts) override;
    std::vector<core::TranscriptLine> messages(std::int64_t conversationId, std::int64_t sinceSeq) override;
    void storeLeftMessage(std::int64_t conversationId, const std::string& visitorId,
                          const std::string& name, const std::string& email,
                          const std::string& text, std::int64_t nowMs) override;

private:
    std::vector<core::ConversationRecord> selectConversations(const std::string& where,
                                                              const std::string& argument);

    Poco::Data::Session& session_;
    // The writes of every message, compiled once.
    PreparedStatement updateConversation_;
    PreparedStatement appendMessage_;
    PreparedStatement advanceConversation_;
};

} // namespace ringdesk::store
