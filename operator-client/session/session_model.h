#pragma once
// The operator session's state machine without sockets, threads or clocks (CONVENTIONS.md,
// practices 2 and 3): packets from the server in, events out; commands in, packets out. It
// keeps the open chats and pending rings, drops messages repeated after a reconnect by their
// sequence number, and tracks the login phases. OperatorEngine drives it on its thread.
//
// Not thread-safe: the owner serializes access (OperatorEngine holds a mutex around it).

#include "operator-client/session/session_events.h"
#include "protocol/nlchat_packet.h"

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <variant>
#include <vector>

namespace ringdesk::operator_client {

/// A chat this operator holds.
struct ChatInfo
{
    std::int64_t id = 0;
    /// The visitor, from the ring (empty for a chat handed back that this session never saw
    /// rung, e.g. after the application restarted).
    std::string visitor;
    std::string visitorName;
    std::string page;
    /// Highest message seq received in this chat; later messages with seq <= it are repeats.
    std::int64_t lastSeq = 0;
};

// ---- commands (operator → server) --------------------------------------------------------

/// Accept ring `ringId` (spec 2.2): `ringACK`.
struct AcceptRing
{
    std::int64_t ringId = 0;
};
/// Send `text` in chat `chatId` (spec 2.5): `msg` with I/O "out".
struct SendText
{
    std::int64_t chatId = 0;
    std::string text;
};
/// Report this operator's typing state in chat `chatId` (spec 1.1.11): `chat_state` "out".
struct SendState
{
    std::int64_t chatId = 0;
    std::string state;
};
/// End chat `chatId` (spec 2.6): `disassociate`.
struct EndChat
{
    std::int64_t chatId = 0;
};
/// Set this operator's status (IMS status codes: 0 Online, 1 Away, 2 Busy): the `set_status`
/// extension (docs/protocol.md). Away and Busy operators are not rung.
struct SetPresence
{
    int status = 0;
};
/// Ask for the colleague list (docs/protocol.md `roster`); answered by RosterReceived.
struct RequestRoster
{
};
/// Invite `username` to be a colleague (`friend_request`).
struct AddColleague
{
    std::string username;
};
/// Accept / deny the invitation of `username` (`friend_accept` / `friend_deny`).
struct AcceptColleague
{
    std::string username;
};
struct DenyColleague
{
    std::string username;
};
/// End the colleagueship with `username`, or withdraw the invitation sent to it
/// (`friend_delete`).
struct RemoveColleague
{
    std::string username;
};
/// Send team message `text` to user `to` (`team_msg`).
struct SendTeamText
{
    std::string to;
    std::string text;
};
using Command = std::variant<AcceptRing, SendText, SendState, EndChat, SetPresence, RequestRoster,
                             AddColleague, AcceptColleague, DenyColleague, RemoveColleague, SendTeamText>;

class SessionModel
{
public:
    enum class Phase
    {
        Offline,   // no connection
        LoggingIn, // key and login sent, no answer yet
        Resuming,  // logged in; the server is handing back chats (ends with the `status` barrier)
        Ready,     // commands are sent
        Refused,   // the login was refused: the session stops
        LoggedOut, // the server ended the session (`logout`): the session stops
    };

    /// `uuid`: this client's UUID, put in every packet (spec 1.1).
    explicit SessionModel(std::string uuid);

    /// A connection was opened: returns the packets to send first, in order: `key` with
    /// `keyPem` (empty in plain mode; spec 2.1), `login`, and `key` again. The server answers
    /// the second `key` with `status` after everything its login produced (login answer, chats
    /// handed back with their messages): that `status` ends the Resuming phase, and an open chat
    /// not handed back by then has ended (ChatEnded). Phase becomes LoggingIn.
    std::vector<nlchat::Packet> connectionOpened(const std::string& username,
                                                 const std::string& password,
                                                 const std::string& keyPem);

    /// The connection is gone: every pending ring closes (RingClosed; the server rings again
    /// after the next login if it is still open). Open chats are kept for the server to hand
    /// back. Phase becomes Offline unless it is Refused or LoggedOut.
    std::vector<Event> connectionLost();

    /// One packet from the server; returns what the owner should report, in order.
    /// Probes, `server_online` and packets only clients send give no event; neither does a
    /// `status_update` about this operator itself, nor a `friend_result` for an unknown action.
    std::vector<Event> handle(const nlchat::Packet& packet);

    /// The packet that carries `command`. Pure: the model changes only in sent().
    nlchat::Packet packetFor(const Command& command) const;
    /// `command` was written to the server: applies it (EndChat closes the chat at once and
    /// reports ChatEnded; the server's `disassociate` that follows is then ignored).
    std::vector<Event> sent(const Command& command);

    Phase phase() const noexcept { return phase_; }
    /// Why the session stopped, for Refused and LoggedOut; empty otherwise.
    const std::string& stopReason() const noexcept { return stopReason_; }
    const std::string& uuid() const noexcept { return uuid_; }

    /// Open chats by id, ascending.
    std::vector<ChatInfo> openChats() const;
    /// Rings offered and still open, by id, ascending.
    std::vector<nlchat::Ring> pendingRings() const;

private:
    std::vector<Event> onLogin(const nlchat::Login& answer);
    std::vector<Event> onStatus();
    std::vector<Event> onRing(const nlchat::Ring& ring);
    std::vector<Event> onRingAckAck(const nlchat::RingAckAck& packet);
    std::vector<Event> onMsg(const nlchat::Msg& packet);
    std::vector<Event> onChatState(const nlchat::ChatState& packet);
    std::vector<Event> onDisassociate(const nlchat::Disassociate& packet);
    std::vector<Event> onLogout(const nlchat::Logout& packet);
    /// Colleague and team-message packets (the IM extensions); empty when `packet` is none.
    std::vector<Event> onImPacket(const nlchat::Packet& packet) const;
    /// The chat a packet names: `id`, or the only open chat when `id` is 0 (the spec's packets
    /// have no ID). nullptr when this operator does not hold it.
    ChatInfo* chat(std::int64_t id);

    std::string uuid_;
    std::string username_; // who logs in: status updates about it are not a colleague's
    Phase phase_ = Phase::Offline;
    std::string stopReason_;
    std::map<std::int64_t, ChatInfo> chats_;
    std::map<std::int64_t, nlchat::Ring> rings_;
    std::set<std::int64_t> handedBack_; // chats confirmed since the current login
};

} // namespace ringdesk::operator_client
