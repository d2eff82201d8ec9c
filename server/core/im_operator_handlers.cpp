// The operator protocol's IM extensions (docs/protocol.md, "IM extensions"): the same rules as
// the IMS documents, answered with nlchat packets. Core::operatorPacket has already checked
// that the operator is logged in.
#include "server/core/im_session_manager.h"

#include "protocol/protocol_error.h"

namespace ringdesk::core {

namespace {

ims::FriendResult done(bool ok) { return ok ? ims::FriendResult::kDone : ims::FriendResult::kFailed; }

} // namespace

bool ImSessionManager::operatorPacket(ConnectionId connection, const nlchat::Packet& packet)
{
    const auto found = operators_.find(connection);
    if (found == operators_.end())
        return false;
    const std::string user = found->second;

    if (const auto* set = std::get_if<nlchat::SetStatus>(&packet)) {
        if (!setStatus(user, set->status))
            sink_.sendToOperator(connection,
                                 nlchat::Error{protocol::error_code::kBadField,
                                               "status " + std::to_string(set->status) + " is not a status",
                                               nlchat::command::kSetStatus});
        return true;
    }
    if (std::holds_alternative<nlchat::Roster>(packet)) {
        nlchat::Roster roster;
        for (const ims::FriendEntry& entry : friendList(user))
            roster.friends.push_back({entry.name, entry.status});
        roster.invitedBy = store_.pendingInvitersOf(user);
        roster.invited = store_.pendingInviteesOf(user);
        sink_.sendToOperator(connection, roster);
        return true;
    }
    if (const auto* request = std::get_if<nlchat::FriendRequest>(&packet)) {
        sendFriendResult(connection, nlchat::command::kFriendRequest, request->username,
                         invite(user, request->username));
        return true;
    }
    if (const auto* accept = std::get_if<nlchat::FriendAccept>(&packet)) {
        const bool ok = store_.acceptFriend(user, accept->username);
        sendFriendResult(connection, nlchat::command::kFriendAccept, accept->username, done(ok));
        if (ok)
            invitationAccepted(user, accept->username);
        return true;
    }
    if (const auto* deny = std::get_if<nlchat::FriendDeny>(&packet)) {
        const bool ok = store_.denyFriend(user, deny->username);
        sendFriendResult(connection, nlchat::command::kFriendDeny, deny->username, done(ok));
        if (ok)
            invitationDenied(user, deny->username);
        return true;
    }
    if (const auto* remove = std::get_if<nlchat::FriendDelete>(&packet)) {
        const bool ok = store_.deleteFriend(user, remove->username);
        sendFriendResult(connection, nlchat::command::kFriendDelete, remove->username, done(ok));
        if (ok)
            friendRemoved(user, remove->username);
        return true;
    }
    if (const auto* message = std::get_if<nlchat::TeamMsg>(&packet)) {
        const ims::MessageResult result = sendMessage(user, message->to, message->text);
        sink_.sendToOperator(connection, nlchat::TeamMsgResult{message->to, static_cast<int>(result)});
        return true;
    }
    return false;
}

void ImSessionManager::sendFriendResult(ConnectionId connection, const char* action, const std::string& username,
                                        ims::FriendResult result)
{
    sink_.sendToOperator(connection, nlchat::FriendResult{action, username, static_cast<int>(result)});
}

} // namespace ringdesk::core
