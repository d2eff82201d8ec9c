#pragma once
// core::ImStore for the dispatcher thread, carried out on the store thread (as
// ConversationStoreProxy): storing and marking offline messages are queued; everything that
// answers (including the friendship changes, which say whether they applied) waits for it.

#include "server/core/im_store.h"
#include "server/store/store_thread.h"

namespace ringdesk::store {

class ImStoreProxy final : public core::ImStore
{
public:
    /// `target` (used on `thread` only) and `thread` must outlive this object.
    ImStoreProxy(core::ImStore& target, StoreThread& thread) : target_(target), thread_(thread) {}

    bool userExists(const std::string& username) override;
    std::vector<core::ImStatus> statuses() override;
    bool inviteFriend(const std::string& from, const std::string& to, std::int64_t nowMs) override;
    bool acceptFriend(const std::string& user, const std::string& inviter) override;
    bool denyFriend(const std::string& user, const std::string& inviter) override;
    bool deleteFriend(const std::string& user, const std::string& other) override;
    std::vector<std::string> friendsOf(const std::string& user) override;
    std::vector<std::string> pendingInvitersOf(const std::string& user) override;
    std::vector<std::string> pendingInviteesOf(const std::string& user) override;
    void storeOfflineMessage(const std::string& from, const std::string& to,
                             const std::string& text, std::int64_t nowMs) override;
    std::vector<core::ImOfflineMessage> undeliveredMessages(const std::string& recipient) override;
    void markDelivered(std::int64_t id, std::int64_t nowMs) override;

private:
    core::ImStore& target_;
    StoreThread& thread_;
};

} // namespace ringdesk::store
