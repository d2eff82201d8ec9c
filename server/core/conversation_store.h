#pragma once
// The persistence the core needs for conversations (ARCHITECTURE.md, "Store"). The core calls
// it on the dispatcher thread; in the server the calls are carried out in order on the store
// thread (store::ConversationStoreProxy), and a batch's output waits for its commit.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ringdesk::core {

/// Conversation states as stored (column conversations.state).
enum class ConversationState { Ringing, Connected, Waiting, Ended, Unanswered };
const char* toString(ConversationState state);
ConversationState conversationStateFromString(const std::string& text);

struct TranscriptLine
{
    std::int64_t seq = 0;
    bool fromOperator = false;
    std::string operatorName; // display name, for operator messages
    std::string text;
    std::int64_t ts = 0; // ms since the epoch
};

struct ConversationRecord
{
    std::int64_t id = 0;
    std::string visitorId;
    std::string visitorName;
    std::string page;
    ConversationState state = ConversationState::Ringing;
    std::string operatorUsername;
    std::string operatorDisplayName;
    std::int64_t lastSeq = 0;
};

struct VisitorRecord
{
    std::string id;   // "v-" + 16 hex digits
    std::string name;
};

class ConversationStore
{
public:
    virtual ~ConversationStore() = default;

    /// The visitor whose resume token hashes to tokenHash (hex SHA-256), if any.
    virtual std::optional<VisitorRecord> findVisitorByTokenHash(const std::string& tokenHash) = 0;
    virtual void createVisitor(const VisitorRecord& visitor, const std::string& tokenHash,
                               const std::string& address, std::int64_t nowMs) = 0;

    /// Creates a conversation in state Ringing and returns its id (> 0).
    virtual std::int64_t createConversation(const ConversationRecord& record, std::int64_t nowMs) = 0;
    virtual void updateConversation(const ConversationRecord& record, std::int64_t nowMs) = 0;
    /// The visitor's newest conversation, if any.
    virtual std::optional<ConversationRecord> latestConversation(const std::string& visitorId) = 0;
    /// Conversations in state Ringing, Connected or Waiting (loaded at start).
    virtual std::vector<ConversationRecord> openConversations() = 0;

    /// Stores `message` and advances the conversation's last_seq and updated_at (ms since the
    /// epoch) to message.seq and message.ts when they are behind. Storing a seq twice throws.
    virtual void appendMessage(std::int64_t conversationId, const TranscriptLine& message) = 0;
    /// Only the advance of appendMessage: last_seq becomes `seq` and updated_at `ts` (ms since
    /// the epoch) when they are behind. For a message whose text is not kept
    /// (CoreSettings::storeTranscripts off).
    virtual void advanceConversation(std::int64_t conversationId, std::int64_t seq, std::int64_t ts) = 0;
    /// Messages with seq > sinceSeq, in order.
    virtual std::vector<TranscriptLine> messages(std::int64_t conversationId, std::int64_t sinceSeq) = 0;

    /// The leave-a-message form.
    virtual void storeLeftMessage(std::int64_t conversationId, const std::string& visitorId,
                                  const std::string& name, const std::string& email,
                                  const std::string& text, std::int64_t nowMs) = 0;
};

} // namespace ringdesk::core
