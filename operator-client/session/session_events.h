#pragma once
// What an OperatorEngine reports to its owner (the desktop app, tests, the benchmark): value
// types in one std::variant, read from the session's notification queue
// (OperatorEngine::waitEvent / pollEvent). Times are ms since the Unix epoch unless noted.
//
// Order guarantees: every Connecting is followed by Connected or ConnectionLost; every
// Connected by exactly one ConnectionLost; the session's thread ends after a ConnectionLost
// whose retryIn is empty. Events about one chat arrive in the order the server sent them.

#include "protocol/message_result.h"
#include "protocol/nlchat_packet.h"
#include "protocol/user_status.h"

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace ringdesk::operator_client {

/// A connection attempt starts; `attempt` counts from 1 and restarts after a successful login.
struct Connecting
{
    std::string host;
    std::uint16_t port = 0;
    int attempt = 1;
};

/// The TCP connection is open; `key` and `login` have been sent.
struct Connected
{
};

/// The server accepted the login (docs/protocol.md `login` result 1). After a reconnect the
/// chats the server hands back follow as RingWon{resumed = true}.
struct LoggedIn
{
    std::string username;
    std::string displayName;
};

/// The server refused the login: `result` 0 = wrong user name or password, 2 = banned
/// (nlchat::LoginResult). The session stops: a ConnectionLost without retry follows.
struct LoginFailed
{
    int result = 0;
};

/// A visitor waits for an operator (spec 1.1.1, 2.2): show it and let the user accept it
/// with OperatorEngine::accept(ring.id). `ring.time` is the epoch second until which it is
/// open; `ring.visitor`, `name`, `page`, `text` describe the visitor and its first message.
struct RingOffered
{
    nlchat::Ring ring;
};

/// This operator won ring `id` (spec 1.1.3): chat `id` is now open. `resumed` is true when
/// the server hands back a chat this operator had before a reconnect or a server restart; the
/// messages it may have missed follow as MessageReceived (repeats are dropped by seq).
struct RingWon
{
    std::int64_t id = 0;
    bool resumed = false;
};

/// Another operator won ring `id`; `byName` is the winner's display name (may be empty).
struct RingTaken
{
    std::int64_t id = 0;
    std::string byName;
};

/// Ring `id` closed without a winner: it timed out, the visitor withdrew it, or the
/// connection was lost (the server offers it again after the next login if still open).
struct RingClosed
{
    std::int64_t id = 0;
};

/// A visitor message in chat `chatId` (spec 1.1.5, I/O "in"). `seq` is the server's sequence
/// number within the conversation (0 from servers without it), `ts` the time it was stored.
struct MessageReceived
{
    std::int64_t chatId = 0;
    std::int64_t seq = 0;
    std::string text;
    std::int64_t ts = 0;
};

/// The visitor's typing state in chat `chatId` (spec 1.1.11): "composing", "paused", and from
/// Ringdesk "active" (the visitor came back) and "gone" (its page closed).
struct ChatStateChanged
{
    std::int64_t chatId = 0;
    std::string state;
};

/// Chat `chatId` is over: the visitor ended it, this operator ended it (endChat()), or it
/// was not handed back after a reconnect (given to someone else or ended meanwhile).
struct ChatEnded
{
    std::int64_t chatId = 0;
};

/// The connection is gone (or could not be made). With `retryIn` the session connects again
/// after that delay, keeping its open chats; without it the session has stopped (disconnect(),
/// login refused, logged out by the server).
struct ConnectionLost
{
    std::string reason;
    std::optional<std::chrono::milliseconds> retryIn;
};

/// The server answered with an `error` packet (docs/protocol.md): `code` is a
/// protocol::error_code token, `ref` the command it refers to (may be empty). Also used for a
/// line from the server that does not decode (the connection stays up), and for a command
/// that could not be sent because it is too large once encrypted (`ref` names the command).
struct ErrorReceived
{
    std::string code;
    std::string message;
    std::string ref;
};

// ---- colleagues and team messages (docs/protocol.md, "IM extensions") -------------------
// Statuses are user status numbers (protocol/user_status.h, as nlchat::StatusUpdate carries
// them). User names are the server's account names.

/// One colleague (an IM friend: the invitation was accepted) and its status.
struct Colleague
{
    std::string username;
    int status = protocol::user_status::kUnknown;
};

/// The whole colleague list (`roster`): after every login (the session asks for it) and after
/// OperatorEngine::requestRoster(). It replaces what the owner knew: `colleagues` by name,
/// `invitedBy` the users whose invitation to this operator waits for an answer (oldest first),
/// `invited` the users this operator invited who have not answered yet (by name).
struct RosterReceived
{
    std::vector<Colleague> colleagues;
    std::vector<std::string> invitedBy;
    std::vector<std::string> invited;
};

/// Colleague `username` now has `status` (`status_update`): on a change, a login or a logout.
/// Also reported for a user who has just become a colleague (either side accepted), so a name
/// not in the list yet is a new colleague. Updates about this operator itself are not reported
/// (its status is what it set with OperatorEngine::setStatus).
struct ColleagueStatusChanged
{
    std::string username;
    int status = protocol::user_status::kUnknown;
};

/// `from` invites this operator to be colleagues (`friend_invite`): at once when logged in,
/// otherwise after every login while the invitation waits. Answer with acceptColleague() or
/// denyColleague().
struct InvitationReceived
{
    std::string from;
};

/// `username` answered this operator's invitation (the server's `friend_accept` or
/// `friend_deny`). When accepted, a ColleagueStatusChanged for `username` follows.
struct InvitationAnswered
{
    std::string username;
    bool accepted = false;
};

/// `username` ended the colleagueship with this operator, or withdrew its invitation to it
/// (the server's `friend_delete`).
struct ColleagueRemoved
{
    std::string username;
};

/// Which colleague command a ColleagueCommandResult answers.
enum class ColleagueAction
{
    Add,    // addColleague: `friend_request`
    Accept, // acceptColleague: `friend_accept`
    Deny,   // denyColleague: `friend_deny`
    Remove, // removeColleague: `friend_delete`
};

/// The server's answer to one of this operator's colleague commands (`friend_result`). `done`
/// false: no such user, already invited or colleagues, or no such invitation (Add, Accept,
/// Deny); neither colleague nor invited (Remove).
struct ColleagueCommandResult
{
    ColleagueAction action = ColleagueAction::Add;
    std::string username;
    bool done = false;
};

/// A team message from colleague (or any user) `from` (`team_msg`). `ts` is when it was sent
/// (server time). `offline` is true for a message sent while this operator was offline, stored
/// by the server and delivered once, in order, at this login.
struct TeamMessageReceived
{
    std::string from;
    std::string text;
    std::int64_t ts = 0;
    bool offline = false;
};

/// What became of a team message (`team_msg_result`): protocol::MessageResult in the client's
/// words.
enum class TeamDelivery
{
    // nobody has that user name; the message is dropped
    NoSuchUser = static_cast<int>(protocol::MessageResult::kNoSuchUser),
    // the recipient is logged in and has it
    Delivered = static_cast<int>(protocol::MessageResult::kDelivered),
    // the recipient is offline: it gets the message at its next login
    Stored = static_cast<int>(protocol::MessageResult::kRecipientOffline),
};

/// The outcome of OperatorEngine::sendTeamMessage(to, ...), in the order the messages were sent.
struct TeamMessageResult
{
    std::string to;
    TeamDelivery delivery = TeamDelivery::Delivered;
};

using Event = std::variant<Connecting, Connected, LoggedIn, LoginFailed, RingOffered, RingWon,
                           RingTaken, RingClosed, MessageReceived, ChatStateChanged, ChatEnded,
                           ConnectionLost, ErrorReceived, RosterReceived, ColleagueStatusChanged,
                           InvitationReceived, InvitationAnswered, ColleagueRemoved,
                           ColleagueCommandResult, TeamMessageReceived, TeamMessageResult>;

} // namespace ringdesk::operator_client
