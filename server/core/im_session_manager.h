#pragma once
// The IM unit of the single-writer core: who is logged in on which connection and protocol,
// each user's status, and every rule of the IMS documents (specs/ims-xml-protocol.txt) and of
// the operator protocol's IM extensions (docs/protocol.md, "IM extensions"). Runs on the
// dispatcher thread only, next to core::Core (which forwards operator logins, closes and IM
// packets here); never touches a socket; time comes from the injected Clock.
//
// One user, many sessions: a user may be logged in on several IMS and operator connections at
// once. The status belongs to the user (every session shows and changes the same one); a message
// or an invitation reaches every session. When the last session ends the user is Offline.

#include "protocol/ims_document.h"
#include "protocol/nlchat_packet.h"
#include "server/core/clock.h"
#include "server/core/connection_sink.h"
#include "server/core/im_store.h"
#include "server/core/ims_document_sink.h"
#include "server/core/user_ban_check.h"

#include <chrono>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace ringdesk::core {

/// A row of the live view of IMS connections (admin `sessions`).
struct ImsSessionInfo
{
    ConnectionId connection = 0;
    std::string username;   // empty until LOGIN succeeded
    std::string address;    // the peer as the front-end reported it, may be empty
    std::int64_t since = 0; // connected at, ms since the epoch
};

struct ImSettings
{
    /// An IMS connection that sent nothing this long is closed (spec, ALIVE: 15 seconds).
    Duration aliveTimeout = std::chrono::seconds(15);
    /// An IMS connection that has not logged in this long after connecting is closed.
    Duration loginTimeout = std::chrono::seconds(30);
};

class ImSessionManager
{
public:
    /// Called with each operator connection of a user whose status changed (and at an operator
    /// login when the user already had a status), so the ring rules see it.
    using OperatorStatusHook = std::function<void(ConnectionId operatorConnection, int status)>;

    ImSessionManager(ImSettings settings, const Clock& clock, ConnectionSink& sink, ImsDocumentSink& imsSink,
                     ImStore& store);

    void setOperatorStatusHook(OperatorStatusHook hook) { statusHook_ = std::move(hook); }
    /// Checks bans again when imsLoggedIn takes effect (core::Core::attachUserBans); nullptr:
    /// no check.
    void setUserBanCheck(UserBanCheck* bans) { userBans_ = bans; }
    /// New rules from a configuration reload: the ALIVE timeout applies from the next check on.
    void updateSettings(const ImSettings& settings) { settings_ = settings; }

    // ---- IMS connections (specs/ims-xml-protocol.txt) ---------------------------------------
    // The front-end echoes every client document itself before posting it, so every response
    // below follows the echo.

    /// A new IMS connection from `address` (shown in the live view); it must LOGIN first.
    void imsConnected(ConnectionId connection, const std::string& address = {});
    /// Something arrived on the connection (a document, even an unparseable one): resets the
    /// ALIVE timer.
    void imsHeard(ConnectionId connection);
    /// The front-end verified LOGIN's user and MD5 password and found no active ban.
    /// [LOGIN] answers result 1, then delivers pending invitations and stored messages in order;
    /// result 2 when the user was banned meanwhile (setUserBanCheck).
    /// Ignored (no answer) unless the connection still awaits its login.
    void imsLoggedIn(ConnectionId connection, const std::string& username);
    /// The front-end refused LOGIN: result 0 (wrong user or password) or 2 (banned).
    void imsLoginRefused(ConnectionId connection, const std::string& user, ims::LoginResult result);
    /// Any client document but LOGIN (a LOGIN on a connection that is logged in is only echoed).
    /// Before LOGIN and after LOGOUT nothing is acted on.
    void imsDocument(ConnectionId connection, const ims::ClientDocument& document);
    /// The socket is gone.
    void imsClosed(ConnectionId connection);

    // ---- operator connections (called by core::Core) ----------------------------------------
    /// A logged-in operator session of `username`: joins the user's sessions, is told the
    /// user's status (status_update) and receives pending invitations and stored messages.
    void operatorLoggedIn(ConnectionId connection, const std::string& username);
    /// The operator session ended (closed, dropped, logged out).
    void operatorClosed(ConnectionId connection);
    /// An IM extension packet from a logged-in operator (set_status, roster, friend_*,
    /// team_msg). Returns false when the packet is not one of them.
    bool operatorPacket(ConnectionId connection, const nlchat::Packet& packet);

    // ---- administration ---------------------------------------------------------------------
    /// Ends every IMS session of `username`: <LOGOUT user=".." result="1"/>, then close
    /// [Server->Client: LOGOUT]. Operator sessions are ended by Core::forceLogout, which calls
    /// this. Returns how many IMS connections were closed.
    std::size_t forceLogoutIms(const std::string& username, const std::string& reason);

    // ---- timers and views -------------------------------------------------------------------
    /// Closes IMS connections silent for aliveTimeout, and those not logged in loginTimeout
    /// after they connected.
    void tick();
    /// The user's status, or status Offline (3) when no session is logged in.
    int statusOf(const std::string& username) const;
    bool isOnline(const std::string& username) const { return users_.count(username) != 0; }
    /// Logged-in users and how many sessions each has (live view).
    std::map<std::string, std::size_t> onlineUsers() const;
    std::size_t imsConnectionCount() const { return ims_.size(); }
    /// Every IMS connection that has not logged out (live view).
    std::vector<ImsSessionInfo> imsSessions() const;

private:
    enum class ImsState
    {
        kAwaitingLogin,
        kLoggedIn,
        kLoggedOut
    };
    struct ImsSession
    {
        ImsState state = ImsState::kAwaitingLogin;
        std::string username;
        TimePoint connected;
        TimePoint lastHeard;
        std::string address;
        std::int64_t connectedAt = 0; // ms since the epoch
    };
    struct UserSessions
    {
        int status = 0;
        std::set<ConnectionId> ims;
        std::set<ConnectionId> operators;
    };

    // sessions (im_directory.cpp)
    UserSessions& join(const std::string& username);
    void leave(const std::string& username, ConnectionId connection);
    void deliverBacklog(const std::string& username, ConnectionId connection, bool ims);
    bool setStatus(const std::string& username, int status);
    void announceStatus(const std::string& username);
    bool knownStatus(int status);

    // IMS documents (im_ims_handlers.cpp)
    struct ImsHandlers;
    void onLogout(ConnectionId connection, ImsSession& session, const ims::LogoutRequest& request);

    // shared rules (im_rules.cpp): results are the IMS codes
    ims::MessageResult sendMessage(const std::string& from, const std::string& to, const std::string& text);
    ims::FriendResult invite(const std::string& from, const std::string& to);
    /// After the store recorded that `user` accepted / denied the invitation of `inviter`, or
    /// ended the friendship with `other` (or withdrew its invitation to `other`), and `user`
    /// got its answer: the other user's operator sessions are told (friend_accept /
    /// friend_deny / friend_delete naming `user`); after an accept both see each other's status.
    void invitationAccepted(const std::string& user, const std::string& inviter);
    void invitationDenied(const std::string& user, const std::string& inviter);
    void friendRemoved(const std::string& user, const std::string& other);
    std::vector<ims::FriendEntry> friendList(const std::string& username);
    /// Sends `packet` to every operator session of `username` (none when offline).
    void sendToOperators(const std::string& username, const nlchat::Packet& packet);

    // operator extensions (im_operator_handlers.cpp)
    void sendFriendResult(ConnectionId connection, const char* action, const std::string& username,
                          ims::FriendResult result);

    ImSettings settings_;
    const Clock& clock_;
    ConnectionSink& sink_;
    ImsDocumentSink& imsSink_;
    ImStore& store_;
    OperatorStatusHook statusHook_;
    UserBanCheck* userBans_ = nullptr;

    std::map<ConnectionId, ImsSession> ims_;
    std::map<ConnectionId, std::string> operators_; // operator connection -> username
    std::map<std::string, UserSessions> users_;     // logged-in users only
};

} // namespace ringdesk::core
