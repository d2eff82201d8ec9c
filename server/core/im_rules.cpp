// Rules shared by both protocols' IM features: message delivery with offline storage,
// invitations, friend lists (specs/ims-xml-protocol.txt MESSAGE and FRIEND; docs/protocol.md).
#include "server/core/im_session_manager.h"

namespace ringdesk::core {

ims::MessageResult ImSessionManager::sendMessage(const std::string& from, const std::string& to,
                                                 const std::string& text)
{
    const auto online = users_.find(to);
    if (online == users_.end()) {
        if (!store_.userExists(to))
            return ims::MessageResult::kNoSuchUser;
        store_.storeOfflineMessage(from, to, text, clock_.epochMs());
        return ims::MessageResult::kRecipientOffline;
    }
    // Every session of the recipient gets it, whatever its protocol.
    for (ConnectionId connection : online->second.ims)
        imsSink_.sendToIms(connection, ims::Message{from, to, text});
    const nlchat::TeamMsg delivery{from, to, text, clock_.epochMs()};
    for (ConnectionId connection : online->second.operators)
        sink_.sendToOperator(connection, delivery);
    return ims::MessageResult::kDelivered;
}

ims::FriendResult ImSessionManager::invite(const std::string& from, const std::string& to)
{
    if (!store_.userExists(to) || !store_.inviteFriend(from, to, clock_.epochMs()))
        return ims::FriendResult::kFailed;
    // [Server->Client: FRIEND TYPE=INVITE] at once when `to` is online; otherwise
    // deliverBacklog sends it at the next login (and at every login until it is answered).
    if (const auto online = users_.find(to); online != users_.end()) {
        for (ConnectionId connection : online->second.ims)
            imsSink_.sendToIms(connection, ims::FriendInvite{to, from});
        for (ConnectionId connection : online->second.operators)
            sink_.sendToOperator(connection, nlchat::FriendInvite{from});
    }
    return ims::FriendResult::kDone;
}

void ImSessionManager::invitationAccepted(const std::string& user, const std::string& inviter)
{
    // The inviter hears the answer first, then both see each other's status.
    sendToOperators(inviter, nlchat::FriendAccept{user});
    announceStatus(user);
    announceStatus(inviter);
}

void ImSessionManager::invitationDenied(const std::string& user, const std::string& inviter)
{
    sendToOperators(inviter, nlchat::FriendDeny{user});
}

void ImSessionManager::friendRemoved(const std::string& user, const std::string& other)
{
    sendToOperators(other, nlchat::FriendDelete{user});
}

void ImSessionManager::sendToOperators(const std::string& username, const nlchat::Packet& packet)
{
    // IMS has no such notice (its clients ask with FRIEND type="request"); offline users
    // learn it from their next roster.
    if (const auto online = users_.find(username); online != users_.end())
        for (ConnectionId connection : online->second.operators)
            sink_.sendToOperator(connection, packet);
}

std::vector<ims::FriendEntry> ImSessionManager::friendList(const std::string& username)
{
    std::vector<ims::FriendEntry> friends;
    for (const std::string& name : store_.friendsOf(username))
        friends.push_back({statusOf(name), name});
    return friends;
}

} // namespace ringdesk::core
