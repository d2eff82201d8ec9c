#pragma once
// Messages of the visitor WebSocket (docs/visitor-api.md): one JSON object per text frame.
// Pure value types and a JSON codec. Every name of the contract is defined here once (limits in
// protocol/limits.h, error codes in protocol/protocol_error.h); the widget mirrors them in
// visitor-widget/src/protocol.ts, and protocol.test.ts compares the two through
// protocol/wire_constants.json (protocol/wire_constants.h), so neither side can change alone.

#include "protocol/chat_state.h"
#include "protocol/protocol_error.h"

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <variant>

namespace ringdesk::visitor {

/// Path of the WebSocket endpoint (docs/visitor-api.md, "GET /visitor/ws").
inline constexpr const char* kWebSocketPath = "/visitor/ws";

/// Conversation states as the visitor sees them (docs/visitor-api.md, "States").
namespace state {
inline constexpr const char* kIdle = "idle";
inline constexpr const char* kRinging = "ringing";
inline constexpr const char* kConnected = "connected";
inline constexpr const char* kWaiting = "waiting";
inline constexpr const char* kNoOperator = "no_operator";
inline constexpr const char* kNoAnswer = "no_answer";
inline constexpr const char* kEnded = "ended";
inline constexpr const char* kUnavailable = "unavailable";
} // namespace state

/// Every name of the groups above and below, for listings (protocol/wire_constants.h) and
/// checks.
inline constexpr std::array<const char*, 8> kStates{state::kIdle,    state::kRinging,    state::kConnected,
                                                    state::kWaiting, state::kNoOperator, state::kNoAnswer,
                                                    state::kEnded,   state::kUnavailable};

/// The `type` of a visitor → server message (docs/visitor-api.md, "Visitor → server").
namespace client_type {
inline constexpr const char* kHello = "hello";
inline constexpr const char* kMsg = "msg";
inline constexpr const char* kChatState = "chat_state";
inline constexpr const char* kLeaveMessage = "leave_message";
inline constexpr const char* kClose = "close";
} // namespace client_type

inline constexpr std::array<const char*, 5> kClientTypes{client_type::kHello, client_type::kMsg,
                                                         client_type::kChatState, client_type::kLeaveMessage,
                                                         client_type::kClose};

/// The `type` of a server → visitor message (docs/visitor-api.md, "Server → visitor").
namespace server_type {
inline constexpr const char* kWelcome = "welcome";
inline constexpr const char* kState = "state";
inline constexpr const char* kMsg = "msg";
inline constexpr const char* kChatState = "chat_state";
inline constexpr const char* kLeftMessage = "left_message";
inline constexpr const char* kError = "error";
} // namespace server_type

inline constexpr std::array<const char*, 6> kServerTypes{server_type::kWelcome,     server_type::kState,
                                                         server_type::kMsg,         server_type::kChatState,
                                                         server_type::kLeftMessage, server_type::kError};

/// Typing states (protocol/chat_state.h). A visitor may send kComposing and kPaused in
/// `chat_state` (others are refused with bad_field); the operator's typing state is relayed as
/// its client sent it (nlchat 1.1.11).
namespace typing_state = protocol::chat_state;

inline constexpr std::array<const char*, 2> kVisitorTypingStates{typing_state::kComposing, typing_state::kPaused};

/// `from` of a server `msg`: who wrote it.
namespace sender {
inline constexpr const char* kVisitor = "visitor";
inline constexpr const char* kOperator = "operator";
} // namespace sender

inline constexpr std::array<const char*, 2> kSenders{sender::kVisitor, sender::kOperator};

/// The error codes the visitor WebSocket sends in `error` (docs/visitor-api.md, "Error codes"):
/// a subset of protocol::error_code.
inline constexpr std::array<const char*, 9> kErrorCodes{
    protocol::error_code::kBadJson,  protocol::error_code::kUnknownType, protocol::error_code::kMissingField,
    protocol::error_code::kBadField, protocol::error_code::kTooLarge,    protocol::error_code::kHelloFirst,
    protocol::error_code::kBadState, protocol::error_code::kRateLimited, protocol::error_code::kUnavailable};

// ---- visitor → server ---------------------------------------------------------------------

/// First message: optional resume `token`, replay messages with seq > `since`, visitor
/// `name` (≤ 100 bytes) and `page` URL (≤ 2 048 bytes).
struct Hello
{
    std::string token;
    std::int64_t since = 0;
    std::string name;
    std::string page;
};

/// A chat message, 1 … 4 000 bytes of UTF-8.
struct SendMsg
{
    std::string text;
};

/// Typing state: typing_state::kComposing or kPaused.
struct SendChatState
{
    std::string state;
};

/// The leave-a-message form.
struct LeaveMessage
{
    std::string name;
    std::string email;
    std::string text;
};

/// The visitor ends the chat.
struct Close
{
};

using ClientMessage = std::variant<Hello, SendMsg, SendChatState, LeaveMessage, Close>;

// ---- server → visitor ---------------------------------------------------------------------

struct Welcome
{
    std::string token;
    std::string visitor;
    std::int64_t conversation = 0;
    std::string state;
    std::string operatorName; // when connected
};

struct StateChange
{
    std::string state;
    std::int64_t conversation = 0;
    std::string operatorName; // when connected
};

/// A stored message; `fromOperator` false means the visitor's own message echoed back.
struct ChatMessage
{
    std::int64_t seq = 0;
    bool fromOperator = false;
    std::string text;
    std::int64_t ts = 0; // ms since the epoch
    std::string operatorName;
};

struct OperatorChatState
{
    std::string state;
};

struct LeftMessage
{
    bool ok = true;
};

struct ErrorReply
{
    std::string code; // a protocol::error_code token
    std::string message;
};

using ServerMessage =
    std::variant<Welcome, StateChange, ChatMessage, OperatorChatState, LeftMessage, ErrorReply>;

/// Parses one frame. Throws protocol::ProtocolError: kBadJson, kUnknownType,
/// kMissingField, kBadField, kTooLarge (frame or field over its limit, protocol/limits.h).
ClientMessage decodeClient(std::string_view frame);
std::string encodeClient(const ClientMessage& message);

/// Serializes/parses a server message (the parser serves tests and the benchmark).
std::string encodeServer(const ServerMessage& message);
ServerMessage decodeServer(std::string_view frame);

} // namespace ringdesk::visitor
