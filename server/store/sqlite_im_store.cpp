#include "server/store/sqlite_im_store.h"

namespace ringdesk::store {

SqliteImStore::SqliteImStore(Poco::Data::Session& session)
    : users_(session), statuses_(session), friends_(session), messages_(session)
{
}

bool SqliteImStore::userExists(const std::string& username)
{
    return UserRepository::validUsername(username) && users_.find(username).has_value();
}

std::vector<core::ImStatus> SqliteImStore::statuses()
{
    std::vector<core::ImStatus> all;
    for (const StatusRow& row : statuses_.list())
        all.push_back({row.id, row.name});
    return all;
}

bool SqliteImStore::inviteFriend(const std::string& from, const std::string& to, std::int64_t nowMs)
{
    return friends_.invite(from, to, nowMs);
}

bool SqliteImStore::acceptFriend(const std::string& user, const std::string& inviter)
{
    return friends_.accept(user, inviter);
}

bool SqliteImStore::denyFriend(const std::string& user, const std::string& inviter)
{
    return friends_.deny(user, inviter);
}

bool SqliteImStore::deleteFriend(const std::string& user, const std::string& other)
{
    return friends_.remove(user, other);
}

std::vector<std::string> SqliteImStore::friendsOf(const std::string& user) { return friends_.friendsOf(user); }

std::vector<std::string> SqliteImStore::pendingInvitersOf(const std::string& user)
{
    return friends_.pendingInvitersOf(user);
}

std::vector<std::string> SqliteImStore::pendingInviteesOf(const std::string& user)
{
    return friends_.pendingInviteesOf(user);
}

void SqliteImStore::storeOfflineMessage(const std::string& from, const std::string& to,
                                        const std::string& text, std::int64_t nowMs)
{
    messages_.store(from, to, text, nowMs);
}

std::vector<core::ImOfflineMessage> SqliteImStore::undeliveredMessages(const std::string& recipient)
{
    std::vector<core::ImOfflineMessage> messages;
    for (const OfflineMessageRow& row : messages_.undelivered(recipient))
        messages.push_back({row.id, row.sender, row.recipient, row.body, row.createdAt});
    return messages;
}

void SqliteImStore::markDelivered(std::int64_t id, std::int64_t nowMs) { messages_.markDelivered(id, nowMs); }

} // namespace ringdesk::store
