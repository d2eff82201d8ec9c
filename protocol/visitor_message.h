#pragma once
// Messages of the visitor WebSocket (docs/visitor-api.md): one JSON object per text frame.
// Pure value types and a JSON codec; the widget mirrors these names in
// visitor-widget/src/protocol.ts.

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>

namespace ringdesk::visitor {

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

/// Typing state: "composing" or "paused".
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
