#pragma once
// core::ImStore on SQLite: the users, statuses, friendships and offline_messages tables
// through their repositories. Used on the store thread only (store::StoreThread, which owns the
// transactions); the dispatcher reaches it through store::ImStoreProxy.

#include "server/core/im_store.h"
#include "server/store/friend_repository.h"
#include "server/store/offline_message_repository.h"
#include "server/store/status_repository.h"
#include "server/store/user_repository.h"

#include <Poco/Data/Session.h>

namespace ringdesk::store {

class SqliteImStore final : public core::ImStore
{
public:
    /// Uses `session` for every statement; the caller owns it and its transactions.
    explicit SqliteImStore(Poco::Data::Session& session);

    bool userExists(const std::string& username) override;
    std::vector<core::ImStatus> statuses() override;
    bool inviteFriend(const std::string& from, const std::string& to, std::int64_t nowMs) override;
    bool acceptFriend(const std::string& user, const std::string& inviter) override;
    bool denyFriend(const std::string& user, const std::string& inviter) override;
    bool deleteFriend(const std::string& user, const std::string& other) override;
    std::vector<std::string> friendsOf(const std::string& user) override;
    std::vector<std::string> pendingInvitersOf(const std::string& user) override;
    std::vector<std::string> pendingInviteesOf(const std::string& user) override;
    void storeOfflineMessage(const std::string& from, const std::string& to, const std::string& text,
                             std::int64_t nowMs) override;
    std::vector<core::ImOfflineMessage> undeliveredMessages(const std::string& recipient) override;
    void markDelivered(std::int64_t id, std::int64_t nowMs) override;

private:
    UserRepository users_;
    StatusRepository statuses_;
    FriendRepository friends_;
    OfflineMessageRepository messages_;
};

} // namespace ringdesk::store
