#include "protocol/visitor_message.h"

#include "protocol/json_fields.h"
#include "protocol/limits.h"
#include "protocol/protocol_error.h"

namespace ringdesk::visitor {

using protocol::ProtocolError;
using Object = Poco::JSON::Object;
namespace json = protocol::json;
namespace limits = protocol::limits;
namespace code = protocol::error_code;

namespace {

constexpr std::size_t kMaxShortBytes = 256;
constexpr std::size_t kMaxTokenBytes = 128;
constexpr std::size_t kMaxEmailBytes = 254;

Object::Ptr typed(const char* type)
{
    Object::Ptr o = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
    o->set("type", std::string(type));
    return o;
}

std::string messageText(const Object& o)
{
    std::string text = json::requiredString(o, "text", limits::kMaxMessageTextBytes);
    if (text.empty())
        throw ProtocolError(code::kBadField, "field 'text' must not be empty");
    return text;
}

Object::Ptr frameLimitChecked(std::string_view frame)
{
    if (frame.size() > limits::kMaxVisitorFrameBytes)
        throw ProtocolError(code::kTooLarge, "frame longer than " +
                                                 std::to_string(limits::kMaxVisitorFrameBytes) +
                                                 " bytes");
    return json::parseObject(frame);
}

struct ClientEncoder
{
    Object::Ptr operator()(const Hello& m) const
    {
        auto o = typed(client_type::kHello);
        if (!m.token.empty())
            o->set("token", m.token);
        if (m.since != 0)
            o->set("since", m.since);
        if (!m.name.empty())
            o->set("name", m.name);
        if (!m.page.empty())
            o->set("page", m.page);
        return o;
    }
    Object::Ptr operator()(const SendMsg& m) const
    {
        auto o = typed(client_type::kMsg);
        o->set("text", m.text);
        return o;
    }
    Object::Ptr operator()(const SendChatState& m) const
    {
        auto o = typed(client_type::kChatState);
        o->set("state", m.state);
        return o;
    }
    Object::Ptr operator()(const LeaveMessage& m) const
    {
        auto o = typed(client_type::kLeaveMessage);
        o->set("name", m.name);
        o->set("email", m.email);
        o->set("text", m.text);
        return o;
    }
    Object::Ptr operator()(const Close&) const { return typed(client_type::kClose); }
};

struct ServerEncoder
{
    Object::Ptr operator()(const Welcome& m) const
    {
        auto o = typed(server_type::kWelcome);
        o->set("token", m.token);
        o->set("visitor", m.visitor);
        o->set("conversation", m.conversation);
        o->set("state", m.state);
        if (!m.operatorName.empty())
            o->set("operator", m.operatorName);
        return o;
    }
    Object::Ptr operator()(const StateChange& m) const
    {
        auto o = typed(server_type::kState);
        o->set("state", m.state);
        o->set("conversation", m.conversation);
        if (!m.operatorName.empty())
            o->set("operator", m.operatorName);
        return o;
    }
    Object::Ptr operator()(const ChatMessage& m) const
    {
        auto o = typed(server_type::kMsg);
        o->set("seq", m.seq);
        o->set("from", std::string(m.fromOperator ? sender::kOperator : sender::kVisitor));
        if (!m.operatorName.empty())
            o->set("operator", m.operatorName);
        o->set("text", m.text);
        o->set("ts", m.ts);
        return o;
    }
    Object::Ptr operator()(const OperatorChatState& m) const
    {
        auto o = typed(server_type::kChatState);
        o->set("state", m.state);
        return o;
    }
    Object::Ptr operator()(const LeftMessage& m) const
    {
        auto o = typed(server_type::kLeftMessage);
        o->set("ok", m.ok);
        return o;
    }
    Object::Ptr operator()(const ErrorReply& m) const
    {
        auto o = typed(server_type::kError);
        o->set("code", m.code);
        o->set("message", m.message);
        return o;
    }
};

} // namespace

ClientMessage decodeClient(std::string_view frame)
{
    const Object::Ptr o = frameLimitChecked(frame);
    const std::string type = json::requiredString(*o, "type", kMaxShortBytes);
    if (type == client_type::kHello) {
        Hello h{json::optionalString(*o, "token", kMaxTokenBytes), json::optionalInt(*o, "since"),
                json::optionalString(*o, "name", limits::kMaxVisitorNameBytes),
                json::optionalString(*o, "page", limits::kMaxVisitorPageBytes)};
        if (h.since < 0)
            throw ProtocolError(code::kBadField, "field 'since' must not be negative");
        return h;
    }
    if (type == client_type::kMsg)
        return SendMsg{messageText(*o)};
    if (type == client_type::kChatState) {
        std::string s = json::requiredString(*o, "state", kMaxShortBytes);
        if (s != typing_state::kComposing && s != typing_state::kPaused)
            throw ProtocolError(code::kBadField, "field 'state' must be composing or paused");
        return SendChatState{std::move(s)};
    }
    if (type == client_type::kLeaveMessage)
        return LeaveMessage{json::optionalString(*o, "name", limits::kMaxVisitorNameBytes),
                            json::optionalString(*o, "email", kMaxEmailBytes), messageText(*o)};
    if (type == client_type::kClose)
        return Close{};
    throw ProtocolError(code::kUnknownType, "unknown type '" + type + "'");
}

std::string encodeClient(const ClientMessage& message)
{
    return json::stringify(*std::visit(ClientEncoder{}, message));
}

std::string encodeServer(const ServerMessage& message)
{
    return json::stringify(*std::visit(ServerEncoder{}, message));
}

ServerMessage decodeServer(std::string_view frame)
{
    const Object::Ptr o = frameLimitChecked(frame);
    const std::string type = json::requiredString(*o, "type", kMaxShortBytes);
    if (type == server_type::kWelcome)
        return Welcome{json::requiredString(*o, "token", kMaxTokenBytes),
                       json::optionalString(*o, "visitor", kMaxTokenBytes),
                       json::optionalInt(*o, "conversation"),
                       json::requiredString(*o, "state", kMaxShortBytes),
                       json::optionalString(*o, "operator", kMaxShortBytes)};
    if (type == server_type::kState)
        return StateChange{json::requiredString(*o, "state", kMaxShortBytes),
                           json::optionalInt(*o, "conversation"),
                           json::optionalString(*o, "operator", kMaxShortBytes)};
    if (type == server_type::kMsg)
        return ChatMessage{json::requiredInt(*o, "seq"),
                           json::requiredString(*o, "from", kMaxShortBytes) == sender::kOperator,
                           json::requiredString(*o, "text", limits::kMaxMessageTextBytes),
                           json::optionalInt(*o, "ts"), json::optionalString(*o, "operator", kMaxShortBytes)};
    if (type == server_type::kChatState)
        return OperatorChatState{json::requiredString(*o, "state", kMaxShortBytes)};
    if (type == server_type::kLeftMessage)
        return LeftMessage{json::optionalBool(*o, "ok", false)};
    if (type == server_type::kError)
        return ErrorReply{json::requiredString(*o, "code", kMaxShortBytes),
                          json::optionalString(*o, "message", limits::kMaxMessageTextBytes)};
    throw ProtocolError(code::kUnknownType, "unknown type '" + type + "'");
}

} // namespace ringdesk::visitor
