// One handler per IMS client document (specs/ims-xml-protocol.txt, Client->Server). Each
// starts with the same check: `user` (or MESSAGE's `from`) must be the connection's owner.
#include "server/core/im_session_manager.h"

namespace ringdesk::core {

struct ImSessionManager::ImsHandlers
{
    ImSessionManager& im;
    ConnectionId connection;
    ImsSession& session;

    bool owner(const std::string& user) const { return user == session.username; }
    void reply(const ims::ServerDocument& document) const { im.imsSink_.sendToIms(connection, document); }
    void friendReply(ims::FriendAction action, ims::FriendResult result) const
    {
        reply(ims::FriendResponse{action, result});
    }
    static ims::FriendResult result(bool done)
    {
        return done ? ims::FriendResult::kDone : ims::FriendResult::kFailed;
    }

    // [LOGIN] on a logged-in connection: echoed by the front-end, not acted on.
    void operator()(const ims::LoginRequest&) const {}
    void operator()(const ims::LogoutRequest& request) const { im.onLogout(connection, session, request); }
    // [ALIVE] only keeps the connection open; imsHeard already reset the timer.
    void operator()(const ims::Alive&) const {}

    // [MESSAGE] result 1 delivered now, -1 stored for the next login, 0 no such user (also
    // when `from` is not the connection's owner: nothing is sent).
    void operator()(const ims::Message& message) const
    {
        if (!owner(message.from))
            return reply(ims::MessageResponse{ims::MessageResult::kNoSuchUser});
        reply(ims::MessageResponse{im.sendMessage(message.from, message.to, message.text)});
    }

    // [STATUS] get: the current status, -1 when `user` is not the owner.
    void operator()(const ims::StatusGetRequest& request) const
    {
        reply(ims::StatusGetResponse{owner(request.user) ? im.statusOf(request.user)
                                                         : protocol::user_status::kUnknown});
    }
    // [STATUS] set: 1 status changed; 0 when `user` is not the owner or the code is no status.
    void operator()(const ims::StatusSetRequest& request) const
    {
        const bool done = owner(request.user) && im.setStatus(request.user, request.code);
        reply(ims::StatusSetResponse{done ? ims::kStatusSetDone : ims::kStatusSetRefused});
    }
    // [STATUS] list: STATUSLIST of every status (empty when `user` is not the owner).
    void operator()(const ims::StatusListRequest& request) const
    {
        ims::StatusListResponse list;
        if (owner(request.user))
            for (const ImStatus& status : im.store_.statuses())
                list.statuses.push_back({status.id, status.name});
        reply(list);
    }

    // [FRIEND] add / delete / accept / deny: result 1 done, 0 not.
    void operator()(const ims::FriendAddRequest& request) const
    {
        friendReply(ims::FriendAction::kAdd,
                    owner(request.user) ? im.invite(request.user, request.friendName)
                                        : ims::FriendResult::kFailed);
    }
    void operator()(const ims::FriendDeleteRequest& request) const
    {
        const bool done = owner(request.user) && im.store_.deleteFriend(request.user, request.friendName);
        friendReply(ims::FriendAction::kDelete, result(done));
        if (done)
            im.friendRemoved(request.user, request.friendName);
    }
    void operator()(const ims::FriendAcceptRequest& request) const
    {
        const bool done = owner(request.user) && im.store_.acceptFriend(request.user, request.other);
        friendReply(ims::FriendAction::kAccept, result(done));
        if (done)
            im.invitationAccepted(request.user, request.other);
    }
    void operator()(const ims::FriendDenyRequest& request) const
    {
        const bool done = owner(request.user) && im.store_.denyFriend(request.user, request.other);
        friendReply(ims::FriendAction::kDeny, result(done));
        if (done)
            im.invitationDenied(request.user, request.other);
    }
    // [FRIEND] request: FRIENDS with each friend's status (empty when `user` is not the owner).
    void operator()(const ims::FriendListRequest& request) const
    {
        ims::FriendListResponse list;
        if (owner(request.user))
            list.friends = im.friendList(request.user);
        reply(list);
    }
};

void ImSessionManager::imsDocument(ConnectionId connection, const ims::ClientDocument& document)
{
    const auto found = ims_.find(connection);
    if (found == ims_.end())
        return;
    ImsSession& session = found->second;
    session.lastHeard = clock_.now();
    // [LOGIN] "must be the first document ... otherwise ... just the acknowledgement of receipt"
    // (the echo); [LOGOUT] "any further messages ... will result in no action at all".
    if (session.state != ImsState::kLoggedIn)
        return;
    std::visit(ImsHandlers{*this, connection, session}, document);
}

void ImSessionManager::onLogout(ConnectionId connection, ImsSession& session, const ims::LogoutRequest& request)
{
    // [LOGOUT] result 0: `user` is not the owner, no logout. 1: logged out, reply, then close.
    if (request.user != session.username) {
        imsSink_.sendToIms(connection, ims::LogoutResponse{ims::LogoutResult::kNotOwner});
        return;
    }
    imsSink_.sendToIms(connection, ims::LogoutResponse{ims::LogoutResult::kLoggedOut});
    sink_.close(connection, "LOGOUT");
    session.state = ImsState::kLoggedOut;
    leave(session.username, connection);
}

} // namespace ringdesk::core
