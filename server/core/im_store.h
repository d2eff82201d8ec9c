#pragma once
// The persistence the IM unit needs (db/migrations/0002_accounts.sql): accounts, statuses,
// friendships and offline messages. Called on the dispatcher thread only; in the server the
// calls are carried out in order on the store thread (store::ImStoreProxy), and the batch's
// output waits for their commit, so a stored message is acknowledged only once it is stored.
// The SQLite implementation is store::SqliteImStore.

#include <cstdint>
#include <string>
#include <vector>

namespace ringdesk::core {

struct ImStatus
{
    int id = 0;
    std::string name;
};

struct ImOfflineMessage
{
    std::int64_t id = 0;
    std::string from;
    std::string to;
    std::string text;
    std::int64_t createdAtMs = 0;
};

class ImStore
{
public:
    virtual ~ImStore() = default;

    /// True when `username` is an account.
    virtual bool userExists(const std::string& username) = 0;
    /// Every status, by ascending id.
    virtual std::vector<ImStatus> statuses() = 0;

    /// `from` invites `to`; false when they are the same user or a row for the pair exists.
    virtual bool inviteFriend(const std::string& from, const std::string& to, std::int64_t nowMs) = 0;
    /// `user` accepts / denies the pending invitation of `inviter`; false when there is none.
    virtual bool acceptFriend(const std::string& user, const std::string& inviter) = 0;
    virtual bool denyFriend(const std::string& user, const std::string& inviter) = 0;
    /// Ends a friendship, or withdraws an invitation `user` sent; false when neither existed.
    virtual bool deleteFriend(const std::string& user, const std::string& other) = 0;
    /// Accepted friends of `user`, by name.
    virtual std::vector<std::string> friendsOf(const std::string& user) = 0;
    /// Users whose invitation to `user` is pending, oldest first.
    virtual std::vector<std::string> pendingInvitersOf(const std::string& user) = 0;
    /// Users `user` invited who have not answered yet, by name.
    virtual std::vector<std::string> pendingInviteesOf(const std::string& user) = 0;

    /// Stores a message for an offline recipient.
    virtual void storeOfflineMessage(const std::string& from, const std::string& to,
                                     const std::string& text, std::int64_t nowMs) = 0;
    /// Undelivered messages of `recipient`, in the order they were stored.
    virtual std::vector<ImOfflineMessage> undeliveredMessages(const std::string& recipient) = 0;
    virtual void markDelivered(std::int64_t id, std::int64_t nowMs) = 0;
};

} // namespace ringdesk::core
