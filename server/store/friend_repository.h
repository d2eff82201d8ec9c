#pragma once
// The friendships table (db/migrations/0002_accounts.sql): invitations and friends, for IMS
// FRIEND (ims-xml-protocol.txt) and the operator protocol's colleague list (docs/protocol.md).
// A row (username, friend_name) means `username` invited `friend_name`; 'pending' until
// accepted, then friends both ways. All names are usernames of the users table.

#include <Poco/Data/Session.h>

#include <cstdint>
#include <string>
#include <vector>

namespace ringdesk::store {

class FriendRepository
{
public:
    /// Uses `session` for every statement; the caller owns it and its thread (and transaction).
    explicit FriendRepository(Poco::Data::Session& session);

    /// `from` invites `to` at `nowMs`. Returns false (nothing written) when they are the same
    /// user or a row for the pair exists in either direction.
    bool invite(const std::string& from, const std::string& to, std::int64_t nowMs);
    /// `user` accepts the pending invitation from `inviter`; false when there is none.
    bool accept(const std::string& user, const std::string& inviter);
    /// `user` denies (deletes) the pending invitation from `inviter`; false when there is none.
    bool deny(const std::string& user, const std::string& inviter);
    /// Removes the friendship between the two, or an invitation `user` sent to `other`;
    /// false when there was neither.
    bool remove(const std::string& user, const std::string& other);

    /// Accepted friends of `user`, by name.
    std::vector<std::string> friendsOf(const std::string& user);
    /// Users whose invitation to `user` is pending, oldest first.
    std::vector<std::string> pendingInvitersOf(const std::string& user);
    /// Users `user` invited who have not answered yet, by name.
    std::vector<std::string> pendingInviteesOf(const std::string& user);
    /// True when the two are friends (accepted).
    bool areFriends(const std::string& a, const std::string& b);

private:
    Poco::Data::Session& session_;
};

} // namespace ringdesk::store
