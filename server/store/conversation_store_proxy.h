#pragma once
// core::ConversationStore for the dispatcher thread, carried out on the store thread
// (store::StoreThread): writes are queued and the dispatcher goes on; reads, and
// createConversation (which needs the new id), wait for their answer. Every call runs after
// the ones queued before it, so a read sees the writes the core made before it.

#include "server/core/conversation_store.h"
#include "server/store/store_thread.h"

namespace ringdesk::store {

class ConversationStoreProxy final : public core::ConversationStore
{
public:
    /// `target` (used on `thread` only) and `thread` must outlive this object.
    ConversationStoreProxy(core::ConversationStore& target, StoreThread& thread)
        : target_(target), thread_(thread)
    {
    }

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
    core::ConversationStore& target_;
    StoreThread& thread_;
};

} // namespace ringdesk::store
