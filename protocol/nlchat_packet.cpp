#include "protocol/nlchat_packet.h"

#include "protocol/json_fields.h"
#include "protocol/limits.h"
#include "protocol/protocol_error.h"

#include <Poco/JSON/Array.h>

#include <functional>
#include <string>
#include <unordered_map>

namespace ringdesk::nlchat {

using protocol::ProtocolError;
using Object = Poco::JSON::Object;
namespace json = protocol::json;
namespace limits = protocol::limits;

namespace {

constexpr std::size_t kMaxIdBytes = 128;      // UUIDs and similar identifiers
constexpr std::size_t kMaxShortBytes = 256;   // states, groups, service names, codes
constexpr std::size_t kMaxBodies = 64;        // text bodies in one msg
constexpr std::size_t kMaxRosterEntries = 10000; // friends in one roster

// ---- decoding -------------------------------------------------------------------------

Direction direction(const Object& o)
{
    const std::string io = json::requiredString(o, "I/O", kMaxShortBytes);
    if (io == "in")
        return Direction::In;
    if (io == "out")
        return Direction::Out;
    throw ProtocolError(protocol::error_code::kBadField, "field 'I/O' must be \"in\" or \"out\"");
}

std::string uuid(const Object& o) { return json::requiredString(o, "UUID", kMaxIdBytes); }

Packet decodeRing(const Object& o)
{
    return Ring{json::requiredInt(o, "ID"),
                json::optionalString(o, "group", kMaxShortBytes),
                json::optionalInt(o, "time"),
                json::optionalString(o, "visitor", kMaxIdBytes),
                json::optionalString(o, "name", limits::kMaxVisitorNameBytes),
                json::optionalString(o, "page", limits::kMaxVisitorPageBytes),
                json::optionalString(o, "text", limits::kMaxMessageTextBytes)};
}

Packet decodeMsg(const Object& o)
{
    Msg m;
    // The spec's "msg" is a list of bodies; a bare string is accepted from lenient clients.
    if (o.has("msg") && o.get("msg").isString())
        m.msg.push_back(json::requiredString(o, "msg", limits::kMaxMessageTextBytes));
    else
        m.msg = json::requiredStringList(o, "msg", kMaxBodies, limits::kMaxMessageTextBytes);
    m.io = direction(o);
    m.uuid = json::optionalString(o, "UUID", kMaxIdBytes);
    m.id = json::optionalInt(o, "ID");
    m.seq = json::optionalInt(o, "seq");
    m.ts = json::optionalInt(o, "ts");
    return m;
}

Packet decodeStatus(const Object& o)
{
    Status s;
    const Poco::JSON::Array::Ptr services = o.getArray("services");
    if (!services)
        throw ProtocolError(protocol::error_code::kMissingField, "missing field 'services'");
    for (std::size_t i = 0; i < services->size() && i < kMaxBodies; ++i) {
        const Object::Ptr entry = services->getObject(static_cast<unsigned>(i));
        if (!entry)
            throw ProtocolError(protocol::error_code::kBadField,
                                "field 'services' must be a list of objects");
        s.services.push_back({json::requiredString(*entry, "name", kMaxShortBytes),
                              json::requiredString(*entry, "status", kMaxShortBytes)});
    }
    return s;
}

Packet decodeLogin(const Object& o)
{
    Login l;
    l.result = static_cast<int>(json::optionalInt(o, "result", Login::kRequest));
    if (l.result < 0) {
        l.username = json::requiredString(o, "username", limits::kMaxUsernameBytes);
        l.password = json::requiredString(o, "password", limits::kMaxPasswordBytes);
    } else {
        l.username = json::optionalString(o, "username", limits::kMaxUsernameBytes);
        l.displayName = json::optionalString(o, "display_name", kMaxShortBytes);
    }
    return l;
}

Packet decodeRoster(const Object& o)
{
    Roster r;
    const Poco::JSON::Array::Ptr friends = o.getArray("friends");
    if (!friends)
        return r; // the request carries no list
    for (std::size_t i = 0; i < friends->size() && i < kMaxRosterEntries; ++i) {
        const Object::Ptr entry = friends->getObject(static_cast<unsigned>(i));
        if (!entry)
            throw ProtocolError(protocol::error_code::kBadField,
                                "field 'friends' must be a list of objects");
        r.friends.push_back(
            {json::requiredString(*entry, "username", limits::kMaxUsernameBytes),
             static_cast<int>(json::optionalInt(*entry, "status", protocol::user_status::kUnknown))});
    }
    if (o.has("invited_by"))
        r.invitedBy = json::requiredStringList(o, "invited_by", kMaxRosterEntries, limits::kMaxUsernameBytes);
    if (o.has("invited"))
        r.invited = json::requiredStringList(o, "invited", kMaxRosterEntries, limits::kMaxUsernameBytes);
    return r;
}

std::string username(const Object& o)
{
    return json::requiredString(o, "username", limits::kMaxUsernameBytes);
}

using Decoder = std::function<Packet(const Object&)>;

const std::unordered_map<std::string, Decoder>& decoders()
{
    static const std::unordered_map<std::string, Decoder> table = {
        {command::kRing, decodeRing},
        {command::kRingAck,
         [](const Object& o) -> Packet {
             return RingAck{json::optionalString(o, "UUID", kMaxIdBytes),
                            json::requiredInt(o, "ID")};
         }},
        {command::kRingAckAck,
         [](const Object& o) -> Packet {
             return RingAckAck{json::optionalString(o, "UUID", kMaxIdBytes),
                               json::requiredInt(o, "ID"),
                               json::optionalString(o, "operator", kMaxShortBytes),
                               json::optionalBool(o, "resumed", false)};
         }},
        {command::kStatus, decodeStatus},
        {command::kMsg, decodeMsg},
        {command::kKey,
         [](const Object& o) -> Packet {
             return Key{uuid(o),
                        json::optionalString(o, "key", limits::kMaxPublicKeyPemBytes)};
         }},
        {command::kDisconnect,
         [](const Object& o) -> Packet {
             return Disconnect{json::optionalString(o, "UUID", kMaxIdBytes)};
         }},
        {command::kProbe,
         [](const Object& o) -> Packet {
             return Probe{json::optionalString(o, "UUID", kMaxIdBytes)};
         }},
        {command::kProbeAck,
         [](const Object& o) -> Packet {
             return ProbeAck{json::optionalString(o, "UUID", kMaxIdBytes)};
         }},
        {command::kDisassociate,
         [](const Object& o) -> Packet {
             return Disassociate{json::optionalString(o, "UUID", kMaxIdBytes),
                                 json::optionalInt(o, "ID")};
         }},
        {command::kChatState,
         [](const Object& o) -> Packet {
             return ChatState{json::optionalString(o, "UUID", kMaxIdBytes), direction(o),
                              json::requiredString(o, "state", kMaxShortBytes),
                              json::optionalInt(o, "ID")};
         }},
        {command::kServerOnline, [](const Object&) -> Packet { return ServerOnline{}; }},
        {command::kLogin, decodeLogin},
        {command::kLogout,
         [](const Object& o) -> Packet {
             return Logout{json::optionalString(o, "reason", kMaxShortBytes)};
         }},
        {command::kError,
         [](const Object& o) -> Packet {
             return Error{json::requiredString(o, "code", kMaxShortBytes),
                          json::optionalString(o, "message", limits::kMaxMessageTextBytes),
                          json::optionalString(o, "ref", kMaxShortBytes)};
         }},
        {command::kSetStatus,
         [](const Object& o) -> Packet {
             return SetStatus{static_cast<int>(json::requiredInt(o, "status"))};
         }},
        {command::kStatusUpdate,
         [](const Object& o) -> Packet {
             return StatusUpdate{username(o), static_cast<int>(json::requiredInt(o, "status"))};
         }},
        {command::kRoster, decodeRoster},
        {command::kFriendRequest, [](const Object& o) -> Packet { return FriendRequest{username(o)}; }},
        {command::kFriendInvite,
         [](const Object& o) -> Packet {
             return FriendInvite{json::requiredString(o, "from", limits::kMaxUsernameBytes)};
         }},
        {command::kFriendAccept, [](const Object& o) -> Packet { return FriendAccept{username(o)}; }},
        {command::kFriendDeny, [](const Object& o) -> Packet { return FriendDeny{username(o)}; }},
        {command::kFriendDelete, [](const Object& o) -> Packet { return FriendDelete{username(o)}; }},
        {command::kFriendResult,
         [](const Object& o) -> Packet {
             return FriendResult{json::requiredString(o, "action", kMaxShortBytes),
                                 json::optionalString(o, "username", limits::kMaxUsernameBytes),
                                 static_cast<int>(json::requiredInt(o, "result"))};
         }},
        {command::kTeamMsg,
         [](const Object& o) -> Packet {
             return TeamMsg{json::optionalString(o, "from", limits::kMaxUsernameBytes),
                            json::requiredString(o, "to", limits::kMaxUsernameBytes),
                            json::requiredString(o, "text", limits::kMaxMessageTextBytes),
                            json::optionalInt(o, "ts"), json::optionalBool(o, "offline", false)};
         }},
        {command::kTeamMsgResult,
         [](const Object& o) -> Packet {
             return TeamMsgResult{json::optionalString(o, "to", limits::kMaxUsernameBytes),
                                  static_cast<int>(json::requiredInt(o, "result"))};
         }},
    };
    return table;
}

// ---- encoding -------------------------------------------------------------------------

Object::Ptr typed(const char* type)
{
    Object::Ptr o = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
    o->set("type", std::string(type));
    return o;
}

void setNonZero(Object& o, const char* name, std::int64_t value)
{
    if (value != 0)
        o.set(name, value);
}

void setNonEmpty(Object& o, const char* name, const std::string& value)
{
    if (!value.empty())
        o.set(name, value);
}

void setNonEmpty(Object& o, const char* name, const std::vector<std::string>& values)
{
    if (values.empty())
        return;
    Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
    for (const std::string& value : values)
        list->add(value);
    o.set(name, list);
}

struct Encoder
{
    Object::Ptr operator()(const Ring& p) const
    {
        auto o = typed(command::kRing);
        o->set("ID", p.id);
        o->set("group", p.group);
        o->set("time", p.time);
        setNonEmpty(*o, "visitor", p.visitor);
        setNonEmpty(*o, "name", p.name);
        setNonEmpty(*o, "page", p.page);
        setNonEmpty(*o, "text", p.text);
        return o;
    }
    Object::Ptr operator()(const RingAck& p) const
    {
        auto o = typed(command::kRingAck);
        o->set("UUID", p.uuid);
        o->set("ID", p.id);
        return o;
    }
    Object::Ptr operator()(const RingAckAck& p) const
    {
        auto o = typed(command::kRingAckAck);
        o->set("UUID", p.uuid);
        o->set("ID", p.id);
        setNonEmpty(*o, "operator", p.operatorName);
        if (p.resumed)
            o->set("resumed", true);
        return o;
    }
    Object::Ptr operator()(const Status& p) const
    {
        auto o = typed(command::kStatus);
        Poco::JSON::Array::Ptr services = new Poco::JSON::Array;
        for (const Service& s : p.services) {
            Object::Ptr entry = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
            entry->set("name", s.name);
            entry->set("status", s.status);
            services->add(entry);
        }
        o->set("services", services);
        return o;
    }
    Object::Ptr operator()(const Msg& p) const
    {
        auto o = typed(command::kMsg);
        Poco::JSON::Array::Ptr bodies = new Poco::JSON::Array;
        for (const std::string& body : p.msg)
            bodies->add(body);
        o->set("msg", bodies);
        o->set("I/O", std::string(toString(p.io)));
        o->set("UUID", p.uuid);
        setNonZero(*o, "ID", p.id);
        setNonZero(*o, "seq", p.seq);
        setNonZero(*o, "ts", p.ts);
        return o;
    }
    Object::Ptr operator()(const Key& p) const
    {
        auto o = typed(command::kKey);
        o->set("UUID", p.uuid);
        o->set("key", p.key);
        return o;
    }
    Object::Ptr operator()(const Disconnect& p) const
    {
        auto o = typed(command::kDisconnect);
        o->set("UUID", p.uuid);
        return o;
    }
    Object::Ptr operator()(const Probe& p) const
    {
        auto o = typed(command::kProbe);
        o->set("UUID", p.uuid);
        return o;
    }
    Object::Ptr operator()(const ProbeAck& p) const
    {
        auto o = typed(command::kProbeAck);
        o->set("UUID", p.uuid);
        return o;
    }
    Object::Ptr operator()(const Disassociate& p) const
    {
        auto o = typed(command::kDisassociate);
        o->set("UUID", p.uuid);
        setNonZero(*o, "ID", p.id);
        return o;
    }
    Object::Ptr operator()(const ChatState& p) const
    {
        auto o = typed(command::kChatState);
        o->set("UUID", p.uuid);
        o->set("I/O", std::string(toString(p.io)));
        o->set("state", p.state);
        setNonZero(*o, "ID", p.id);
        return o;
    }
    Object::Ptr operator()(const ServerOnline&) const { return typed(command::kServerOnline); }
    Object::Ptr operator()(const Login& p) const
    {
        auto o = typed(command::kLogin);
        if (p.result < 0) {
            o->set("username", p.username);
            o->set("password", p.password);
        } else {
            o->set("result", p.result);
            setNonEmpty(*o, "username", p.username);
            setNonEmpty(*o, "display_name", p.displayName);
        }
        return o;
    }
    Object::Ptr operator()(const Logout& p) const
    {
        auto o = typed(command::kLogout);
        o->set("reason", p.reason);
        return o;
    }
    Object::Ptr operator()(const Error& p) const
    {
        auto o = typed(command::kError);
        o->set("code", p.code);
        o->set("message", p.message);
        setNonEmpty(*o, "ref", p.ref);
        return o;
    }
    Object::Ptr operator()(const SetStatus& p) const
    {
        auto o = typed(command::kSetStatus);
        o->set("status", p.status);
        return o;
    }
    Object::Ptr operator()(const StatusUpdate& p) const
    {
        auto o = typed(command::kStatusUpdate);
        o->set("username", p.username);
        o->set("status", p.status);
        return o;
    }
    Object::Ptr operator()(const Roster& p) const
    {
        auto o = typed(command::kRoster);
        Poco::JSON::Array::Ptr friends = new Poco::JSON::Array;
        for (const RosterEntry& entry : p.friends) {
            Object::Ptr item = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
            item->set("username", entry.username);
            item->set("status", entry.status);
            friends->add(item);
        }
        o->set("friends", friends);
        setNonEmpty(*o, "invited_by", p.invitedBy);
        setNonEmpty(*o, "invited", p.invited);
        return o;
    }
    Object::Ptr operator()(const FriendRequest& p) const { return named(command::kFriendRequest, p.username); }
    Object::Ptr operator()(const FriendInvite& p) const
    {
        auto o = typed(command::kFriendInvite);
        o->set("from", p.from);
        return o;
    }
    Object::Ptr operator()(const FriendAccept& p) const { return named(command::kFriendAccept, p.username); }
    Object::Ptr operator()(const FriendDeny& p) const { return named(command::kFriendDeny, p.username); }
    Object::Ptr operator()(const FriendDelete& p) const { return named(command::kFriendDelete, p.username); }
    Object::Ptr operator()(const FriendResult& p) const
    {
        auto o = typed(command::kFriendResult);
        o->set("action", p.action);
        o->set("username", p.username);
        o->set("result", p.result);
        return o;
    }
    Object::Ptr operator()(const TeamMsg& p) const
    {
        auto o = typed(command::kTeamMsg);
        setNonEmpty(*o, "from", p.from);
        o->set("to", p.to);
        o->set("text", p.text);
        setNonZero(*o, "ts", p.ts);
        if (p.offline)
            o->set("offline", true);
        return o;
    }
    Object::Ptr operator()(const TeamMsgResult& p) const
    {
        auto o = typed(command::kTeamMsgResult);
        o->set("to", p.to);
        o->set("result", p.result);
        return o;
    }

private:
    static Object::Ptr named(const char* type, const std::string& name)
    {
        auto o = typed(type);
        o->set("username", name);
        return o;
    }
};

} // namespace

const char* toString(Direction direction) { return direction == Direction::In ? "in" : "out"; }

std::string encode(const Packet& packet)
{
    return json::stringify(*std::visit(Encoder{}, packet));
}

Packet decode(std::string_view line)
{
    const Object::Ptr object = json::parseObject(line);
    const std::string type = json::requiredString(*object, "type", kMaxShortBytes);
    const auto found = decoders().find(type);
    if (found == decoders().end())
        throw ProtocolError(protocol::error_code::kUnknownType, "unknown type '" + type + "'");
    return found->second(*object);
}

const char* commandName(const Packet& packet)
{
    static constexpr const char* names[] = {
        command::kRing,        command::kRingAck,      command::kRingAckAck, command::kStatus,
        command::kMsg,         command::kKey,          command::kDisconnect, command::kProbe,
        command::kProbeAck,    command::kDisassociate, command::kChatState,
        command::kServerOnline, command::kLogin,       command::kLogout,     command::kError,
        command::kSetStatus,   command::kStatusUpdate, command::kRoster,     command::kFriendRequest,
        command::kFriendInvite, command::kFriendAccept, command::kFriendDeny, command::kFriendDelete,
        command::kFriendResult, command::kTeamMsg,     command::kTeamMsgResult};
    static_assert(std::size(names) == std::variant_size_v<Packet>);
    return names[packet.index()];
}

} // namespace ringdesk::nlchat
