#include "support/fakes/in_memory_conversation_store.h"

#include <stdexcept>

namespace ringdesk::core::testing {

std::optional<VisitorRecord> InMemoryConversationStore::findVisitorByTokenHash(const std::string& tokenHash)
{
    for (const auto& [id, visitor] : visitors_)
        if (visitor.tokenHash == tokenHash)
            return visitor.record;
    return std::nullopt;
}

void InMemoryConversationStore::createVisitor(const VisitorRecord& visitor, const std::string& tokenHash,
                                              const std::string& address, std::int64_t nowMs)
{
    if (visitors_.count(visitor.id) != 0)
        throw std::logic_error("visitor '" + visitor.id + "' already exists");
    if (findVisitorByTokenHash(tokenHash))
        throw std::logic_error("token hash of visitor '" + visitor.id + "' is not unique");
    visitors_[visitor.id] = VisitorRow{visitor, tokenHash, address, nowMs};
}

std::int64_t InMemoryConversationStore::createConversation(const ConversationRecord& record, std::int64_t nowMs)
{
    if (visitors_.count(record.visitorId) == 0)
        throw std::logic_error("conversation of unknown visitor '" + record.visitorId + "'");
    const std::int64_t id = nextConversationId_++;
    ConversationRow& created = conversations_[id];
    created.record = record;
    created.record.id = id;
    created.startedMs = created.updatedMs = nowMs;
    return id;
}

void InMemoryConversationStore::updateConversation(const ConversationRecord& record, std::int64_t nowMs)
{
    // The same columns as SqliteConversationStore::updateConversation.
    ConversationRow& updated = row(record.id);
    updated.record.state = record.state;
    updated.record.operatorUsername = record.operatorUsername;
    updated.record.operatorDisplayName = record.operatorDisplayName;
    updated.record.lastSeq = record.lastSeq;
    updated.updatedMs = nowMs;
}

std::optional<ConversationRecord> InMemoryConversationStore::latestConversation(const std::string& visitorId)
{
    for (auto it = conversations_.rbegin(); it != conversations_.rend(); ++it)
        if (it->second.record.visitorId == visitorId)
            return it->second.record;
    return std::nullopt;
}

std::vector<ConversationRecord> InMemoryConversationStore::openConversations()
{
    std::vector<ConversationRecord> open;
    for (const auto& [id, conversation] : conversations_) {
        const ConversationState state = conversation.record.state;
        if (state == ConversationState::Ringing || state == ConversationState::Connected ||
            state == ConversationState::Waiting)
            open.push_back(conversation.record);
    }
    return open;
}

void InMemoryConversationStore::appendMessage(std::int64_t conversationId, const TranscriptLine& message)
{
    ConversationRow& conversation = row(conversationId);
    if (!conversation.messages.emplace(message.seq, message).second)
        throw std::logic_error("message " + std::to_string(message.seq) + " of conversation " +
                               std::to_string(conversationId) + " is stored twice");
    advanceConversation(conversationId, message.seq, message.ts);
}

void InMemoryConversationStore::advanceConversation(std::int64_t conversationId, std::int64_t seq, std::int64_t ts)
{
    // As SqliteConversationStore: the row follows its newest message.
    ConversationRow& conversation = row(conversationId);
    if (seq > conversation.record.lastSeq) {
        conversation.record.lastSeq = seq;
        conversation.updatedMs = ts;
    }
}

std::vector<TranscriptLine> InMemoryConversationStore::messages(std::int64_t conversationId, std::int64_t sinceSeq)
{
    std::vector<TranscriptLine> result;
    const auto found = conversations_.find(conversationId);
    if (found == conversations_.end())
        return result;
    for (auto it = found->second.messages.upper_bound(sinceSeq); it != found->second.messages.end(); ++it)
        result.push_back(it->second);
    return result;
}

void InMemoryConversationStore::storeLeftMessage(std::int64_t conversationId, const std::string& visitorId,
                                                 const std::string& name, const std::string& email,
                                                 const std::string& text, std::int64_t nowMs)
{
    leftMessages_.push_back({conversationId, visitorId, name, email, text, nowMs});
}

ConversationRecord InMemoryConversationStore::conversation(std::int64_t id) const
{
    const auto found = conversations_.find(id);
    if (found == conversations_.end())
        throw std::logic_error("no stored conversation " + std::to_string(id));
    return found->second.record;
}

std::vector<TranscriptLine> InMemoryConversationStore::transcript(std::int64_t conversationId) const
{
    std::vector<TranscriptLine> result;
    const auto found = conversations_.find(conversationId);
    if (found != conversations_.end())
        for (const auto& [seq, message] : found->second.messages)
            result.push_back(message);
    return result;
}

InMemoryConversationStore::ConversationRow& InMemoryConversationStore::row(std::int64_t id)
{
    const auto found = conversations_.find(id);
    if (found == conversations_.end())
        throw std::logic_error("no stored conversation " + std::to_string(id));
    return found->second;
}

} // namespace ringdesk::core::testing
