#pragma once
// Plain packets of the NL chat operator protocol (specs/nlchat-protocol.txt, section 1.1)
// and Ringdesk's documented extensions (docs/protocol.md). Pure value types and a JSON codec:
// one packet is one JSON object on one line.

#include "protocol/friend_result.h"
#include "protocol/login_result.h"
#include "protocol/message_result.h"
#include "protocol/user_status.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace ringdesk::nlchat {

/// Command names, exactly as the spec spells them (section 1.1), plus extensions.
namespace command {
inline constexpr const char* kRing = "ring";                 // 1.1.1
inline constexpr const char* kRingAck = "ringACK";           // 1.1.2
inline constexpr const char* kRingAckAck = "ringACKACK";     // 1.1.3
inline constexpr const char* kStatus = "status";             // 1.1.4
inline constexpr const char* kMsg = "msg";                   // 1.1.5
inline constexpr const char* kKey = "key";                   // 1.1.6
inline constexpr const char* kDisconnect = "disconnect";     // 1.1.7
inline constexpr const char* kProbe = "probe";               // 1.1.8
inline constexpr const char* kProbeAck = "probeACK";         // 1.1.9
inline constexpr const char* kDisassociate = "disassociate"; // 1.1.10
inline constexpr const char* kChatState = "chat_state";      // 1.1.11
inline constexpr const char* kServerOnline = "server_online"; // 1.1.12
// Extensions (docs/protocol.md).
inline constexpr const char* kLogin = "login";
inline constexpr const char* kLogout = "logout";
inline constexpr const char* kError = "error";
// Extensions: IM features for operators (docs/protocol.md, "IM extensions").
inline constexpr const char* kSetStatus = "set_status";
inline constexpr const char* kStatusUpdate = "status_update";
inline constexpr const char* kRoster = "roster";
inline constexpr const char* kFriendRequest = "friend_request";
inline constexpr const char* kFriendInvite = "friend_invite";
inline constexpr const char* kFriendAccept = "friend_accept";
inline constexpr const char* kFriendDeny = "friend_deny";
inline constexpr const char* kFriendDelete = "friend_delete";
inline constexpr const char* kFriendResult = "friend_result";
inline constexpr const char* kTeamMsg = "team_msg";
inline constexpr const char* kTeamMsgResult = "team_msg_result";
} // namespace command

/// The "I/O" field (spec 2.5): "in" is server → operator, "out" is operator → server.
enum class Direction { In, Out };

/// Login results: the same numbers as IMS LOGIN (protocol/login_result.h).
using protocol::LoginResult;

/// 1.1.1 ring (server → operator). `id` is the ring event's ID (Ringdesk: the conversation
/// number); `time` is the epoch second until which the ring is open. Extension fields describe
/// the visitor: `visitor` id, display `name`, `page` URL and the first message `text`.
struct Ring
{
    std::int64_t id = 0;
    std::string group;
    std::int64_t time = 0;
    std::string visitor;
    std::string name;
    std::string page;
    std::string text;
};

/// 1.1.2 ringACK (operator → server): accept ring `id`.
struct RingAck
{
    std::string uuid;
    std::int64_t id = 0;
};

/// 1.1.3 ringACKACK (server → every operator): `uuid` won ring `id`; empty `uuid` means the
/// ring timed out. Extension: the winner's display name in `operatorName` ("operator"),
/// and `resumed` when a conversation is handed back after a reconnect.
struct RingAckAck
{
    std::string uuid;
    std::int64_t id = 0;
    std::string operatorName;
    bool resumed = false;
};

/// The services a 1.1.4 status names (Ringdesk's endpoints) and the states each may have.
namespace service {
inline constexpr const char* kOperator = "operator";
inline constexpr const char* kVisitor = "visitor";
inline constexpr const char* kOnline = "online";
inline constexpr const char* kOffline = "offline";
} // namespace service

/// One entry of 1.1.4 status: a service (server endpoint) and its state (service::kOnline or
/// service::kOffline).
struct Service
{
    std::string name;
    std::string status;
};

/// 1.1.4 status (server → operator).
struct Status
{
    std::vector<Service> services;
};

/// 1.1.5 msg (both ways). `msg` is a list of text bodies. Extensions: `id` names the
/// conversation (optional from a client with exactly one chat), `seq` the server-assigned
/// sequence number within it, `ts` the time stored (ms since the epoch); both 0 when absent.
struct Msg
{
    std::vector<std::string> msg;
    Direction io = Direction::In;
    std::string uuid;
    std::int64_t id = 0;
    std::int64_t seq = 0;
    std::int64_t ts = 0;
};

/// 1.1.6 key (operator → server): the operator's UUID and RSA public key (PEM). An empty key
/// selects plain packets for the answers.
struct Key
{
    std::string uuid;
    std::string key;
};

/// 1.1.7 disconnect (operator → server).
struct Disconnect
{
    std::string uuid;
};

/// 1.1.8 probe (server → operator).
struct Probe
{
    std::string uuid;
};

/// 1.1.9 probeACK (operator → server).
struct ProbeAck
{
    std::string uuid;
};

/// 1.1.10 disassociate: operator → server ends conversation `id` (0 = its only one);
/// extension: server → operator when the visitor ended it.
struct Disassociate
{
    std::string uuid;
    std::int64_t id = 0;
};

/// 1.1.11 chat_state (both ways): "composing", "paused", and from some channels
/// "active", "idle", "typing", "no_state", "gone". Extension: `id` as in Msg.
struct ChatState
{
    std::string uuid;
    Direction io = Direction::In;
    std::string state;
    std::int64_t id = 0;
};

/// 1.1.12 server_online (server → operator, first line of every connection).
struct ServerOnline
{
};

/// Extension: login request (operator → server) carries `username` and `password`;
/// the answer (server → operator) carries `result` and, on success, `username` and
/// `displayName` ("display_name"). One struct serves both directions.
struct Login
{
    /// `result` of a request, which has none on the wire; an answer's is a LoginResult (>= 0).
    static constexpr int kRequest = -1;

    std::string username;
    std::string password;
    int result = kRequest;
    std::string displayName;
};

/// Extension: the server ends the session (forced logout, ban); the connection is closed next.
struct Logout
{
    std::string reason;
};

/// Extension: an error reply. `code` is a protocol::error_code token; `ref` names the
/// command that caused it, when known.
struct Error
{
    std::string code;
    std::string message;
    std::string ref;
};

// ---- Extensions: IM features for operators (docs/protocol.md, "IM extensions"). Status numbers
// are the IMS ones, protocol::user_status (protocol/user_status.h); results are the IMS ones
// too: protocol::FriendResult and protocol::MessageResult.

/// Operator → server: set the user's status (every session of the user takes it).
struct SetStatus
{
    int status = protocol::user_status::kOnline;
};

/// Server → operator: `username` (the operator itself or a friend) now has `status`.
struct StatusUpdate
{
    std::string username;
    int status = protocol::user_status::kUnknown;
};

/// One friend in a roster.
struct RosterEntry
{
    std::string username;
    int status = protocol::user_status::kUnknown;
};

/// Operator → server (no fields): asks for the friend list; server → operator: the friends
/// with their statuses (IMS FRIEND type="request" / FRIENDS). Extension of the answer:
/// `invitedBy` ("invited_by") names the users whose invitation to this user is pending, oldest
/// first; `invited` the users this user invited who have not answered yet, by name.
struct Roster
{
    std::vector<RosterEntry> friends;
    std::vector<std::string> invitedBy;
    std::vector<std::string> invited;
};

/// Operator → server: invite `username` to be friends (IMS FRIEND type="add").
struct FriendRequest
{
    std::string username;
};

/// Server → operator: `from` invites this user (IMS FRIEND type="invite"); sent at once, or at
/// the next login while the invitation is pending.
struct FriendInvite
{
    std::string from;
};

/// Operator → server: accept / deny the invitation of `username`, or end the friendship with
/// `username` (IMS FRIEND accept / deny / delete). Server → operator (extension): `username`
/// accepted / denied this user's invitation, or ended the friendship with this user or
/// withdrew its invitation to this user.
struct FriendAccept
{
    std::string username;
};
struct FriendDeny
{
    std::string username;
};
struct FriendDelete
{
    std::string username;
};

/// Server → operator: the outcome of friend_request / friend_accept / friend_deny /
/// friend_delete: `action` is that packet's type, `result` a protocol::FriendResult (IMS FRIEND
/// result).
struct FriendResult
{
    std::string action;
    std::string username;
    int result = static_cast<int>(protocol::FriendResult::kFailed);
};

/// Team message, both ways. Operator → server: `to` and `text` (`from` is ignored: the server
/// uses the logged-in user). Server → operator: delivery with `from`, `to`, `text` and `ts`
/// (ms since the epoch, when it was sent); `offline` (on the wire only when true) marks a
/// message stored while the recipient was offline and delivered at its login.
struct TeamMsg
{
    std::string from;
    std::string to;
    std::string text;
    std::int64_t ts = 0;
    bool offline = false;
};

/// Server → operator: outcome of a team_msg to `to`, a protocol::MessageResult (IMS MESSAGE
/// result): delivered now, stored and delivered at the recipient's next login, or no such user.
struct TeamMsgResult
{
    std::string to;
    int result = static_cast<int>(protocol::MessageResult::kNoSuchUser);
};

using Packet = std::variant<Ring, RingAck, RingAckAck, Status, Msg, Key, Disconnect, Probe,
                            ProbeAck, Disassociate, ChatState, ServerOnline, Login, Logout, Error,
                            SetStatus, StatusUpdate, Roster, FriendRequest, FriendInvite,
                            FriendAccept, FriendDeny, FriendDelete, FriendResult, TeamMsg,
                            TeamMsgResult>;

/// Serializes a packet to one line of compact JSON (no trailing '\n'), UTF-8.
std::string encode(const Packet& packet);

/// Parses one line of JSON into a packet.
/// Throws protocol::ProtocolError with code
///  - kBadJson: not a JSON object;
///  - kUnknownType: "type" is not a known command;
///  - kMissingField / kBadField: a required field is absent or has the wrong JSON type;
///  - kTooLarge: a text field exceeds its limit (protocol/limits.h).
/// Unknown extra fields are ignored, as an original client ignores ours.
Packet decode(std::string_view line);

/// The command name ("ring", "msg", ...) of a packet.
const char* commandName(const Packet& packet);

/// Direction as spelled on the wire ("in"/"out").
const char* toString(Direction direction);

} // namespace ringdesk::nlchat
