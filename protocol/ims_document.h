#pragma once
// Typed documents of the IMS XML protocol and their pure codec (text <-> value types).
// Spec: specs/ims-xml-protocol.txt ("Instant Messaging System", Server/Client Communication).
// The spec has no numbered sections, so each type below cites the heading and the document it
// implements, e.g. [Client->Server: LOGIN].
//
// Shapes:
//   - ClientDocument: every document a client sends to the server.
//   - ServerDocument: every document the server sends to a client (responses and the
//     server-initiated LOGOUT, FRIEND type="invite" and MESSAGE delivery).
//   Each is a std::variant of plain structs, one struct per (element, type) pair, so the
//   server dispatches with one handler per document:
//
//       struct ImsHandlers {
//           void operator()(const ims::LoginRequest&);
//           void operator()(const ims::Message&);
//           ...one overload per alternative...
//       };
//       std::visit(handlers, ims::parseClientDocument(text));
//
//   A handler set that misses an alternative does not compile, so adding a document type
//   cannot silently fall through.
//
// Input is accepted case-insensitively for element names and `type` values (the spec writes
// "Accept", "Deny" and "INVITE" in places); attribute names are matched exactly (the spec only
// ever writes them in lower case); unknown attributes are ignored. Output always uses the
// spelling of the spec's examples: upper-case element names, lower-case `type` values.
//
// Errors (all ProtocolError, see protocol/protocol_error.h):
//   kBadXml       not well-formed XML, not exactly one document, or refused markup (DOCTYPE,
//                 ENTITY, comments, processing instructions other than a leading <?xml ...?>);
//   kUnknownType  unknown element, or a `type` value that names no document;
//   kMissingField a required attribute is absent;
//   kBadField     an attribute or child is present but invalid (not an integer, a result code
//                 outside the spec's set, an empty or over-long user name, an element where
//                 text is expected);
//   kTooLarge     the document exceeds limits::kMaxImsDocumentBytes, or MESSAGE text exceeds
//                 limits::kMaxMessageTextBytes.

#include "protocol/friend_result.h"
#include "protocol/login_result.h"
#include "protocol/message_result.h"
#include "protocol/user_status.h"

#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace Poco::XML {
class Element;
}

namespace ringdesk::ims {

/// Element names, written exactly like this; matched case-insensitively on input.
/// LOGIN, LOGOUT, MESSAGE, STATUS, FRIEND and ALIVE are the spec's documents of the same name
/// (both directions where the spec says so); STATUSLIST answers STATUS type="list" and holds
/// STATUS elements; FRIENDS answers FRIEND type="request" and holds USER elements.
namespace element {
inline constexpr const char* kLogin = "LOGIN";
inline constexpr const char* kLogout = "LOGOUT";
inline constexpr const char* kMessage = "MESSAGE";
inline constexpr const char* kStatus = "STATUS";
inline constexpr const char* kStatusList = "STATUSLIST";
inline constexpr const char* kFriend = "FRIEND";
inline constexpr const char* kFriends = "FRIENDS";
inline constexpr const char* kUser = "USER";
inline constexpr const char* kAlive = "ALIVE";
} // namespace element

/// Attribute names (matched exactly).
namespace attribute {
inline constexpr const char* kUser = "user";
inline constexpr const char* kPass = "pass";
inline constexpr const char* kResult = "result";
inline constexpr const char* kFrom = "from";
inline constexpr const char* kTo = "to";
inline constexpr const char* kType = "type";
inline constexpr const char* kCode = "code";     // STATUS type="set"
inline constexpr const char* kFriend = "friend"; // FRIEND type="add" / "delete"
inline constexpr const char* kOther = "other";   // FRIEND type="accept" / "deny"
inline constexpr const char* kId = "id";         // STATUS inside STATUSLIST
inline constexpr const char* kStatus = "status"; // USER inside FRIENDS
} // namespace attribute

/// Values of STATUS's `type` attribute [Client->Server: STATUS].
namespace status_type {
inline constexpr const char* kGet = "get";
inline constexpr const char* kSet = "set";
inline constexpr const char* kList = "list";
} // namespace status_type

/// Values of FRIEND's `type` attribute [Client->Server: FRIEND]; "invite" is server->client
/// only [Server->Client: FRIEND TYPE=INVITE].
namespace friend_type {
inline constexpr const char* kAdd = "add";
inline constexpr const char* kDelete = "delete";
inline constexpr const char* kRequest = "request";
inline constexpr const char* kAccept = "accept";
inline constexpr const char* kDeny = "deny";
inline constexpr const char* kInvite = "invite";
} // namespace friend_type

// ---------------------------------------------------------------------------------------------
// Result codes. The numeric values are the wire values and never change.

/// LOGIN response `result` [Client->Server: LOGIN] (protocol/login_result.h).
using protocol::LoginResult;

/// LOGOUT response `result` [Client->Server: LOGOUT].
enum class LogoutResult : int {
    kNotOwner = 0,  // `user` is not the connection's owner; no logout happens
    kLoggedOut = 1, // logged out; the server then closes the connection
};

/// MESSAGE response `result` [Client->Server: MESSAGE] (protocol/message_result.h).
using protocol::MessageResult;

/// FRIEND response `result` for add, delete, accept and deny [Client->Server: FRIEND]
/// (protocol/friend_result.h).
using protocol::FriendResult;

/// Status numbers (STATUS type="get" result, USER status inside FRIENDS) are
/// protocol::user_status (protocol/user_status.h), "unknown" included.
/// STATUS type="set" result: "the number of statuses changed (should be 1)", or 0 when `user`
/// is not the connection's owner [Client->Server: STATUS].
inline constexpr int kStatusSetRefused = 0;
inline constexpr int kStatusSetDone = 1;

// ---------------------------------------------------------------------------------------------
// Documents in both directions.

/// A chat message. Client->server it is a request (the server verifies `from`); server->client
/// it is the delivery to the user named in `to`.
/// [Client->Server: MESSAGE], [Server->Client: MESSAGE]
/// `text` is the element's character data: UTF-8, at most limits::kMaxMessageTextBytes bytes.
/// Wire: <MESSAGE from=".." to="..">text</MESSAGE>
struct Message
{
    std::string from;
    std::string to;
    std::string text;
    bool operator==(const Message&) const = default;
};

/// Keep-alive; the server drops a connection silent for its timeout (15 s in the spec)
/// [Client->Server: ALIVE]. It is in both directions because the spec's N.B. has the server
/// send client documents back. Wire: <ALIVE/>
struct Alive
{
    bool operator==(const Alive&) const = default;
};

// ---------------------------------------------------------------------------------------------
// Client -> server documents. User names (`user`, `from`, `to`, `friend`, `other`) are non-empty
// and at most limits::kMaxUsernameBytes bytes; `pass` at most limits::kMaxPasswordBytes bytes.

/// [Client->Server: LOGIN] Wire: <LOGIN user=".." pass=".."/>; `pass` is the MD5 of the password.
struct LoginRequest
{
    std::string user;
    std::string pass;
    bool operator==(const LoginRequest&) const = default;
};

/// [Client->Server: LOGOUT] Wire: <LOGOUT user=".."/>
struct LogoutRequest
{
    std::string user;
    bool operator==(const LogoutRequest&) const = default;
};

/// [Client->Server: STATUS] Wire: <STATUS user=".." type="get"/>
struct StatusGetRequest
{
    std::string user;
    bool operator==(const StatusGetRequest&) const = default;
};

/// [Client->Server: STATUS] Wire: <STATUS user=".." type="set" code="N"/>
struct StatusSetRequest
{
    std::string user;
    int code = 0; // the status number to set
    bool operator==(const StatusSetRequest&) const = default;
};

/// [Client->Server: STATUS] Wire: <STATUS user=".." type="list"/>
struct StatusListRequest
{
    std::string user;
    bool operator==(const StatusListRequest&) const = default;
};

/// [Client->Server: FRIEND] Wire: <FRIEND user=".." type="add" friend=".."/> (invites `friendName`)
struct FriendAddRequest
{
    std::string user;
    std::string friendName;
    bool operator==(const FriendAddRequest&) const = default;
};

/// [Client->Server: FRIEND] Wire: <FRIEND user=".." type="delete" friend=".."/>
struct FriendDeleteRequest
{
    std::string user;
    std::string friendName;
    bool operator==(const FriendDeleteRequest&) const = default;
};

/// [Client->Server: FRIEND] "request retrieves a list of friends".
/// Wire: <FRIEND user=".." type="request"/>
struct FriendListRequest
{
    std::string user;
    bool operator==(const FriendListRequest&) const = default;
};

/// [Client->Server: FRIEND] `user` accepts the invitation `other` sent.
/// Wire: <FRIEND user=".." type="accept" other=".."/>
struct FriendAcceptRequest
{
    std::string user;
    std::string other;
    bool operator==(const FriendAcceptRequest&) const = default;
};

/// [Client->Server: FRIEND] Wire: <FRIEND user=".." type="deny" other=".."/>
struct FriendDenyRequest
{
    std::string user;
    std::string other;
    bool operator==(const FriendDenyRequest&) const = default;
};

using ClientDocument =
    std::variant<LoginRequest, LogoutRequest, Message, StatusGetRequest, StatusSetRequest,
                 StatusListRequest, FriendAddRequest, FriendDeleteRequest, FriendListRequest,
                 FriendAcceptRequest, FriendDenyRequest, Alive>;

// ---------------------------------------------------------------------------------------------
// Server -> client documents.

/// [Client->Server: LOGIN] response. Wire: <LOGIN user=".." result="0|1|2"/>
struct LoginResponse
{
    std::string user; // echoed "for verification purposes only"
    LoginResult result = LoginResult::kWrongCredentials;
    bool operator==(const LoginResponse&) const = default;
};

/// [Client->Server: LOGOUT] response. Wire: <LOGOUT result="0|1"/>
struct LogoutResponse
{
    LogoutResult result = LogoutResult::kNotOwner;
    bool operator==(const LogoutResponse&) const = default;
};

/// [Server->Client: LOGOUT] the user was logged out on the server side (e.g. by an admin).
/// Wire: <LOGOUT user=".." result="1"/> (result is always 1, "the positive response").
struct ServerLogout
{
    std::string user;
    bool operator==(const ServerLogout&) const = default;
};

/// [Client->Server: MESSAGE] response. Wire: <MESSAGE result="-1|0|1"/>
struct MessageResponse
{
    MessageResult result = MessageResult::kNoSuchUser;
    bool operator==(const MessageResponse&) const = default;
};

/// [Client->Server: STATUS] response to type="get". Wire: <STATUS type="get" result="N"/>
struct StatusGetResponse
{
    int status = protocol::user_status::kUnknown; // the current status number, or kUnknown
    bool operator==(const StatusGetResponse&) const = default;
};

/// [Client->Server: STATUS] response to type="set". Wire: <STATUS type="set" result="N"/>
struct StatusSetResponse
{
    int changed = kStatusSetRefused; // kStatusSetDone, or kStatusSetRefused on owner mismatch
    bool operator==(const StatusSetResponse&) const = default;
};

/// One available status: <STATUS id="N">name</STATUS>.
struct StatusEntry
{
    int id = 0;
    std::string name;
    bool operator==(const StatusEntry&) const = default;
};

/// [Client->Server: STATUS] response to type="list".
/// Wire: <STATUSLIST><STATUS id="0">Online</STATUS><STATUS id="1">Away</STATUS></STATUSLIST>
struct StatusListResponse
{
    std::vector<StatusEntry> statuses;
    bool operator==(const StatusListResponse&) const = default;
};

/// The FRIEND actions that have a result response [Client->Server: FRIEND].
enum class FriendAction { kAdd, kDelete, kAccept, kDeny };

/// [Client->Server: FRIEND] response to add, delete, accept and deny.
/// Wire: <FRIEND type="add|delete|accept|deny" result="0|1"/>
struct FriendResponse
{
    FriendAction action = FriendAction::kAdd;
    FriendResult result = FriendResult::kFailed;
    bool operator==(const FriendResponse&) const = default;
};

/// [Server->Client: FRIEND TYPE=INVITE] `from` invited `to` (the receiving user) to be friends;
/// the client answers with FriendAcceptRequest or FriendDenyRequest.
/// Wire: <FRIEND type="invite" to=".." from=".."/>
struct FriendInvite
{
    std::string to;
    std::string from;
    bool operator==(const FriendInvite&) const = default;
};

/// One friend: <USER status="N">name</USER>; status is a status number or user_status::kUnknown.
struct FriendEntry
{
    int status = protocol::user_status::kUnknown;
    std::string name;
    bool operator==(const FriendEntry&) const = default;
};

/// [Client->Server: FRIEND] response to type="request".
/// Wire: <FRIENDS><USER status="0">Friend1</USER><USER status="-1">Friend2</USER></FRIENDS>
struct FriendListResponse
{
    std::vector<FriendEntry> friends;
    bool operator==(const FriendListResponse&) const = default;
};

using ServerDocument =
    std::variant<LoginResponse, LogoutResponse, ServerLogout, Message, MessageResponse,
                 StatusGetResponse, StatusSetResponse, StatusListResponse, FriendResponse,
                 FriendInvite, FriendListResponse, Alive>;

// ---------------------------------------------------------------------------------------------
// Parsing.

/// Parses one complete client document, e.g. a string returned by ImsStreamParser::next().
/// The text passes the same lexical gate as ImsStreamParser (no DOCTYPE/ENTITY, comments or
/// processing instructions other than a leading <?xml ...?>; at most
/// limits::kMaxImsDocumentBytes bytes; exactly one document, surrounding whitespace allowed)
/// before POCO's DOM parser sees it, with external entities disabled.
/// Throws ProtocolError (kBadXml, kTooLarge, kUnknownType, kMissingField, kBadField).
ClientDocument parseClientDocument(std::string_view xml);

/// Maps an already parsed root element to a client document. Same errors as above except
/// kBadXml and the size limit, which belong to the text.
ClientDocument parseClientDocument(const Poco::XML::Element& root);

/// Parses one complete server document (for clients and tests); same gate and errors as
/// parseClientDocument. MESSAGE with a `result` attribute is a MessageResponse, without it a
/// Message; LOGOUT with a `user` attribute is a ServerLogout (its result must be 1), without it a
/// LogoutResponse. A document the server sends back per the spec's N.B. (an echo of a client
/// document) fails here with kMissingField or kUnknownType; parse it with parseClientDocument.
ServerDocument parseServerDocument(std::string_view xml);
ServerDocument parseServerDocument(const Poco::XML::Element& root);

// ---------------------------------------------------------------------------------------------
// Serialization. Each returns one document with no XML declaration and no trailing whitespace,
// ready to be written to the stream as is. Attribute values and text are escaped so that they
// parse back to the same string; characters that XML 1.0 cannot carry at all (control
// characters other than tab, LF and CR, U+FFFE, U+FFFF) and invalid UTF-8 sequences are
// written as U+FFFD, so that the output is always a well-formed document. Never throws except
// std::bad_alloc.

std::string serialize(const ClientDocument& document);
std::string serialize(const ServerDocument& document);

std::string serialize(const LoginRequest& document);
std::string serialize(const LogoutRequest& document);
std::string serialize(const Message& document);
std::string serialize(const StatusGetRequest& document);
std::string serialize(const StatusSetRequest& document);
std::string serialize(const StatusListRequest& document);
std::string serialize(const FriendAddRequest& document);
std::string serialize(const FriendDeleteRequest& document);
std::string serialize(const FriendListRequest& document);
std::string serialize(const FriendAcceptRequest& document);
std::string serialize(const FriendDenyRequest& document);
std::string serialize(const Alive& document);
std::string serialize(const LoginResponse& document);
std::string serialize(const LogoutResponse& document);
std::string serialize(const ServerLogout& document);
std::string serialize(const MessageResponse& document);
std::string serialize(const StatusGetResponse& document);
std::string serialize(const StatusSetResponse& document);
std::string serialize(const StatusListResponse& document);
std::string serialize(const FriendResponse& document);
std::string serialize(const FriendInvite& document);
std::string serialize(const FriendListResponse& document);

/// A short name of the document's kind for log lines, e.g. "LOGIN", "STATUS set",
/// "FRIEND invite", "MESSAGE result".
std::string_view documentKind(const ClientDocument& document);
std::string_view documentKind(const ServerDocument& document);

} // namespace ringdesk::ims
