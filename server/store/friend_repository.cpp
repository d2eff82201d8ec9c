#include "server/store/friend_repository.h"

using namespace Poco::Data::Keywords;

namespace ringdesk::store {
namespace {

constexpr const char* kPending = "pending";
constexpr const char* kAccepted = "accepted";

} // namespace

FriendRepository::FriendRepository(Poco::Data::Session& session) : session_(session) {}

bool FriendRepository::invite(const std::string& from, const std::string& to, std::int64_t nowMs)
{
    if (from == to)
        return false;
    int existing = 0;
    session_ << "SELECT COUNT(*) FROM friendships WHERE (username = ? AND friend_name = ?) "
                "OR (username = ? AND friend_name = ?)",
        bind(from), bind(to), bind(to), bind(from), into(existing), now;
    if (existing != 0)
        return false;
    const std::string state = kPending;
    session_ << "INSERT INTO friendships (username, friend_name, state, created_at) VALUES (?, ?, ?, ?)",
        bind(from), bind(to), bind(state), bind(nowMs), now;
    return true;
}

bool FriendRepository::accept(const std::string& user, const std::string& inviter)
{
    const std::string accepted = kAccepted, pending = kPending;
    Poco::Data::Statement update(session_);
    update << "UPDATE friendships SET state = ? WHERE username = ? AND friend_name = ? AND state = ?",
        bind(accepted), bind(inviter), bind(user), bind(pending);
    return update.execute() > 0;
}

bool FriendRepository::deny(const std::string& user, const std::string& inviter)
{
    const std::string pending = kPending;
    Poco::Data::Statement erase(session_);
    erase << "DELETE FROM friendships WHERE username = ? AND friend_name = ? AND state = ?",
        bind(inviter), bind(user), bind(pending);
    return erase.execute() > 0;
}

bool FriendRepository::remove(const std::string& user, const std::string& other)
{
    const std::string accepted = kAccepted;
    Poco::Data::Statement erase(session_);
    erase << "DELETE FROM friendships WHERE (username = ? AND friend_name = ?) "
             "OR (username = ? AND friend_name = ? AND state = ?)",
        bind(user), bind(other), bind(other), bind(user), bind(accepted);
    return erase.execute() > 0;
}

std::vector<std::string> FriendRepository::friendsOf(const std::string& user)
{
    const std::string accepted = kAccepted;
    std::vector<std::string> names;
    session_ << "SELECT friend_name FROM friendships WHERE username = ? AND state = ? "
                "UNION SELECT username FROM friendships WHERE friend_name = ? AND state = ? "
                "ORDER BY 1",
        bind(user), bind(accepted), bind(user), bind(accepted), into(names), now;
    return names;
}

std::vector<std::string> FriendRepository::pendingInvitersOf(const std::string& user)
{
    const std::string pending = kPending;
    std::vector<std::string> names;
    session_ << "SELECT username FROM friendships WHERE friend_name = ? AND state = ? "
                "ORDER BY created_at, username",
        bind(user), bind(pending), into(names), now;
    return names;
}

std::vector<std::string> FriendRepository::pendingInviteesOf(const std::string& user)
{
    const std::string pending = kPending;
    std::vector<std::string> names;
    session_ << "SELECT friend_name FROM friendships WHERE username = ? AND state = ? ORDER BY friend_name",
        bind(user), bind(pending), into(names), now;
    return names;
}

bool FriendRepository::areFriends(const std::string& a, const std::string& b)
{
    const std::string accepted = kAccepted;
    int count = 0;
    session_ << "SELECT COUNT(*) FROM friendships WHERE state = ? AND ((username = ? AND friend_name = ?) "
                "OR (username = ? AND friend_name = ?))",
        bind(accepted), bind(a), bind(b), bind(b), bind(a), into(count), now;
    return count != 0;
}

} // namespace ringdesk::store
