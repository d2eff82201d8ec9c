#include "server/store/conversation_store_proxy.h"

namespace ringdesk::store {

std::optional<core::VisitorRecord>
ConversationStoreProxy::findVisitorByTokenHash(const std::string& tokenHash)
{
    return thread_.call([&] { return target_.findVisitorByTokenHash(tokenHash); });
}

void ConversationStoreProxy::createVisitor(const core::VisitorRecord& visitor,
                                           const std::string& tokenHash,
                                           const std::string& address, std::int64_t nowMs)
{
    thread_.post([this, visitor, tokenHash, address, nowMs] {
        target_.createVisitor(visitor, tokenHash, address, nowMs);
    });
}

std::int64_t ConversationStoreProxy::createConversation(const core::ConversationRecord& record,
                                                        std::int64_t nowMs)
{
    return thread_.call([&] { return target_.createConversation(record, nowMs); });
}

void ConversationStoreProxy::updateConversation(const core::ConversationRecord& record,
                                                std::int64_t nowMs)
{
    thread_.post([this, record, nowMs] { target_.updateConversation(record, nowMs); });
}

std::optional<core::ConversationRecord>
ConversationStoreProxy::latestConversation(const std::string& visitorId)
{
    return thread_.call([&] { return target_.latestConversation(visitorId); });
}

std::vector<core::ConversationRecord> ConversationStoreProxy::openConversations()
{
    return thread_.call([&] { return target_.openConversations(); });
}

void ConversationStoreProxy::appendMessage(std::int64_t conversationId, const core::TranscriptLine& message)
{
    thread_.post([this, conversationId, message] { target_.appendMessage(conversationId, message); });
}

void ConversationStoreProxy::advanceConversation(std::int64_t conversationId, std::int64_t seq,
                                                 std::int64_t ts)
{
    thread_.post([this, conversationId, seq, ts] { target_.advanceConversation(conversationId, seq, ts); });
}

std::vector<core::TranscriptLine> ConversationStoreProxy::messages(std::int64_t conversationId,
                                                                   std::int64_t sinceSeq)
{
    return thread_.call([&] { return target_.messages(conversationId, sinceSeq); });
}

void ConversationStoreProxy::storeLeftMessage(std::int64_t conversationId,
                                              const std::string& visitorId,
                                              const std::string& name, const std::string& email,
                                              const std::string& text, std::int64_t nowMs)
{
    thread_.post([this, conversationId, visitorId, name, email, text, nowMs] {
        target_.storeLeftMessage(conversationId, visitorId, name, email, text, nowMs);
    });
}

} // namespace ringdesk::store
