#pragma once
// A complete ConversationStore held in memory, so core tests need no SQLite. It keeps the
// constraints of db/migrations/0001_initial.sql that matter to the core (unique visitor ids and
// token hashes, one message per (conversation, seq), conversations of known visitors) and
// throws std::logic_error when the core breaks one, instead of hiding the bug.

#include "server/core/conversation_store.h"

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace ringdesk::core::testing {

class InMemoryConversationStore final : public ConversationStore
{
public:
    /// One row of the leave-a-message form (table left_messages).
    struct LeftMessageRow
    {
        std::int64_t conversationId = 0;
        std::string visitorId;
        std::string name;
        std::string email;
        std::string text;
        std::int64_t createdMs = 0;
    };

    // ---- ConversationStore ------------------------------------------------------------------
    std::optional<VisitorRecord> findVisitorByTokenHash(const std::string& tokenHash) override;
    void createVisitor(const VisitorRecord& visitor, const std::string& tokenHash, const std::string& address,
                       std::int64_t nowMs) override;
    std::int64_t createConversation(const ConversationRecord& record, std::int64_t nowMs) override;
    void updateConversation(const ConversationRecord& record, std::int64_t nowMs) override;
    std::optional<ConversationRecord> latestConversation(const std::string& visitorId) override;
    std::vector<ConversationRecord> openConversations() override;
    void appendMessage(std::int64_t conversationId, const TranscriptLine& message) override;
    void advanceConversation(std::int64_t conversationId, std::int64_t seq, std::int64_t ts) override;
    std::vector<TranscriptLine> messages(std::int64_t conversationId, std::int64_t sinceSeq) override;
    void storeLeftMessage(std::int64_t conversationId, const std::string& visitorId, const std::string& name,
                          const std::string& email, const std::string& text, std::int64_t nowMs) override;

    // ---- inspection by tests ----------------------------------------------------------------
    /// The stored conversation; throws std::logic_error when there is none.
    ConversationRecord conversation(std::int64_t id) const;
    /// Every stored message of a conversation, in seq order.
    std::vector<TranscriptLine> transcript(std::int64_t conversationId) const;
    const std::vector<LeftMessageRow>& leftMessages() const { return leftMessages_; }
    std::size_t visitorCount() const { return visitors_.size(); }
    std::size_t conversationCount() const { return conversations_.size(); }

private:
    struct VisitorRow
    {
        VisitorRecord record;
        std::string tokenHash;
        std::string address;
        std::int64_t createdMs = 0;
    };
    struct ConversationRow
    {
        ConversationRecord record;
        std::int64_t startedMs = 0;
        std::int64_t updatedMs = 0;
        std::map<std::int64_t, TranscriptLine> messages; // by seq
    };

    ConversationRow& row(std::int64_t id);

    std::map<std::string, VisitorRow> visitors_; // by visitor id
    std::map<std::int64_t, ConversationRow> conversations_;
    std::vector<LeftMessageRow> leftMessages_;
    std::int64_t nextConversationId_ = 1;
};

} // namespace ringdesk::core::testing
