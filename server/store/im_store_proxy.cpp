#include "server/store/im_store_proxy.h"

namespace ringdesk::store {

bool ImStoreProxy::userExists(const std::string& username)
{
    return thread_.call([&] { return target_.userExists(username); });
}

std::vector<core::ImStatus> ImStoreProxy::statuses()
{
    return thread_.call([&] { return target_.statuses(); });
}

bool ImStoreProxy::inviteFriend(const std::string& from, const std::string& to, std::int64_t nowMs)
{
    return thread_.call([&] { return target_.inviteFriend(from, to, nowMs); });
}

bool ImStoreProxy::acceptFriend(const std::string& user, const std::string& inviter)
{
    return thread_.call([&] { return target_.acceptFriend(user, inviter); });
}

bool ImStoreProxy::denyFriend(const std::string& user, const std::string& inviter)
{
    return thread_.call([&] { return target_.denyFriend(user, inviter); });
}

bool ImStoreProxy::deleteFriend(const std::string& user, const std::string& other)
{
    return thread_.call([&] { return target_.deleteFriend(user, other); });
}

std::vector<std::string> ImStoreProxy::friendsOf(const std::string& user)
{
    return thread_.call([&] { return target_.friendsOf(user); });
}

std::vector<std::string> ImStoreProxy::pendingInvitersOf(const std::string& user)
{
    return thread_.call([&] { return target_.pendingInvitersOf(user); });
}

std::vector<std::string> ImStoreProxy::pendingInviteesOf(const std::string& user)
{
    return thread_.call([&] { return target_.pendingInviteesOf(user); });
}

void ImStoreProxy::storeOfflineMessage(const std::string& from, const std::string& to,
                                       const std::string& text, std::int64_t nowMs)
{
    thread_.post([this, from, to, text, nowMs] { target_.storeOfflineMessage(from, to, text, nowMs); });
}

std::vector<core::ImOfflineMessage> ImStoreProxy::undeliveredMessages(const std::string& recipient)
{
    return thread_.call([&] { return target_.undeliveredMessages(recipient); });
}

void ImStoreProxy::markDelivered(std::int64_t id, std::int64_t nowMs)
{
    thread_.post([this, id, nowMs] { target_.markDelivered(id, nowMs); });
}

} // namespace ringdesk::store
