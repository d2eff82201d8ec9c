// Writing IMS documents (ims_document.h, "Serialization"): escaping for XML 1.0 and a small
// builder, one function per document; documentKind() for log lines.
#include "protocol/ims_document.h"

#include "protocol/limits.h"
#include "protocol/protocol_error.h"

#include <type_traits>

namespace ringdesk::ims {

using protocol::ProtocolError;
namespace error_code = protocol::error_code;
namespace limits = protocol::limits;

namespace {

// ---------------------------------------------------------------------------------------------
// Writing.

constexpr std::string_view kReplacementCharacter = "\xEF\xBF\xBD"; // U+FFFD

// Length of the valid UTF-8 sequence starting at `in[i]` that XML 1.0 can carry, or 0.
std::size_t validSequenceLength(std::string_view in, std::size_t i)
{
    const auto lead = static_cast<unsigned char>(in[i]);
    std::size_t length;
    char32_t codePoint;
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
        codePoint = lead & 0x1Fu;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        codePoint = lead & 0x0Fu;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        codePoint = lead & 0x07u;
    } else {
        return 0; // a continuation byte, an overlong lead (C0, C1) or beyond U+10FFFF (F5..FF)
    }
    if (in.size() - i < length)
        return 0;
    for (std::size_t k = 1; k < length; ++k) {
        const auto byte = static_cast<unsigned char>(in[i + k]);
        if ((byte & 0xC0u) != 0x80u)
            return 0;
        codePoint = (codePoint << 6) | (byte & 0x3Fu);
    }
    const bool overlong =
        (length == 3 && codePoint < 0x800) || (length == 4 && codePoint < 0x10000);
    const bool surrogate = codePoint >= 0xD800 && codePoint <= 0xDFFF;
    const bool nonCharacter = codePoint == 0xFFFE || codePoint == 0xFFFF; // not XML 1.0 Chars
    if (overlong || surrogate || nonCharacter || codePoint > 0x10FFFF)
        return 0;
    return length;
}

// Appends `in` escaped for an attribute value in double quotes, or for character data.
// In attributes, tab, LF and CR are written as character references because attribute-value
// normalization would turn them into spaces; in text, CR is, because line-end normalization would
// turn it into LF. '>' is escaped everywhere so that "]]>" cannot appear in text.
void appendEscaped(std::string& out, std::string_view in, bool inAttribute)
{
    for (std::size_t i = 0; i < in.size();) {
        const char c = in[i];
        const auto u = static_cast<unsigned char>(c);
        if (u >= 0x80) {
            const std::size_t length = validSequenceLength(in, i);
            if (length == 0) {
                out += kReplacementCharacter;
                ++i;
            } else {
                out.append(in, i, length);
                i += length;
            }
            continue;
        }
        ++i;
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += inAttribute ? "&quot;" : "\""; break;
        case '\r': out += "&#13;"; break;
        case '\n': out += inAttribute ? "&#10;" : "\n"; break;
        case '\t': out += inAttribute ? "&#9;" : "\t"; break;
        default:
            if (u < 0x20)
                out += kReplacementCharacter; // not representable in XML 1.0, not even as &#N;
            else
                out += c;
        }
    }
}

// Builds one document: open(), attribute()..., then either end() or text()/child... close().
class Writer
{
public:
    explicit Writer(const char* elementName) { open(elementName); }

    Writer& attribute(const char* name, std::string_view value)
    {
        out_ += ' ';
        out_ += name;
        out_ += "=\"";
        appendEscaped(out_, value, true);
        out_ += '"';
        return *this;
    }
    Writer& attribute(const char* name, int value)
    {
        return attribute(name, std::to_string(value));
    }

    /// Closes the open tag as an empty element: <NAME .../>.
    std::string end()
    {
        out_ += "/>";
        return std::move(out_);
    }

    /// Ends the open tag: <NAME ...>.
    Writer& endOpenTag()
    {
        out_ += '>';
        return *this;
    }
    Writer& text(std::string_view value)
    {
        appendEscaped(out_, value, false);
        return *this;
    }
    Writer& open(const char* elementName)
    {
        out_ += '<';
        out_ += elementName;
        return *this;
    }
    Writer& close(const char* elementName)
    {
        out_ += "</";
        out_ += elementName;
        out_ += '>';
        return *this;
    }
    std::string take() { return std::move(out_); }

private:
    std::string out_;
};

const char* friendTypeOf(FriendAction action)
{
    switch (action) {
    case FriendAction::kAdd: return friend_type::kAdd;
    case FriendAction::kDelete: return friend_type::kDelete;
    case FriendAction::kAccept: return friend_type::kAccept;
    case FriendAction::kDeny: return friend_type::kDeny;
    }
    return friend_type::kAdd; // unreachable: every enumerator is handled above
}

template <typename Enum>
int wire(Enum code)
{
    return static_cast<std::underlying_type_t<Enum>>(code);
}

// documentKind(): one name per alternative, for log lines.
struct KindOf
{
    std::string_view operator()(const LoginRequest&) const { return "LOGIN"; }
    std::string_view operator()(const LogoutRequest&) const { return "LOGOUT"; }
    std::string_view operator()(const Message&) const { return "MESSAGE"; }
    std::string_view operator()(const StatusGetRequest&) const { return "STATUS get"; }
    std::string_view operator()(const StatusSetRequest&) const { return "STATUS set"; }
    std::string_view operator()(const StatusListRequest&) const { return "STATUS list"; }
    std::string_view operator()(const FriendAddRequest&) const { return "FRIEND add"; }
    std::string_view operator()(const FriendDeleteRequest&) const { return "FRIEND delete"; }
    std::string_view operator()(const FriendListRequest&) const { return "FRIEND request"; }
    std::string_view operator()(const FriendAcceptRequest&) const { return "FRIEND accept"; }
    std::string_view operator()(const FriendDenyRequest&) const { return "FRIEND deny"; }
    std::string_view operator()(const Alive&) const { return "ALIVE"; }
    std::string_view operator()(const LoginResponse&) const { return "LOGIN result"; }
    std::string_view operator()(const LogoutResponse&) const { return "LOGOUT result"; }
    std::string_view operator()(const ServerLogout&) const { return "LOGOUT forced"; }
    std::string_view operator()(const MessageResponse&) const { return "MESSAGE result"; }
    std::string_view operator()(const StatusGetResponse&) const { return "STATUS get result"; }
    std::string_view operator()(const StatusSetResponse&) const { return "STATUS set result"; }
    std::string_view operator()(const StatusListResponse&) const { return "STATUSLIST"; }
    std::string_view operator()(const FriendResponse&) const { return "FRIEND result"; }
    std::string_view operator()(const FriendInvite&) const { return "FRIEND invite"; }
    std::string_view operator()(const FriendListResponse&) const { return "FRIENDS"; }
};

} // namespace

// ---------------------------------------------------------------------------------------------
// Serialization.

std::string serialize(const ClientDocument& document)
{
    return std::visit([](const auto& alternative) { return serialize(alternative); }, document);
}

std::string serialize(const ServerDocument& document)
{
    return std::visit([](const auto& alternative) { return serialize(alternative); }, document);
}

std::string serialize(const LoginRequest& document)
{
    return Writer(element::kLogin)
        .attribute(attribute::kUser, document.user)
        .attribute(attribute::kPass, document.pass)
        .end();
}

std::string serialize(const LogoutRequest& document)
{
    return Writer(element::kLogout).attribute(attribute::kUser, document.user).end();
}

std::string serialize(const Message& document)
{
    return Writer(element::kMessage)
        .attribute(attribute::kFrom, document.from)
        .attribute(attribute::kTo, document.to)
        .endOpenTag()
        .text(document.text)
        .close(element::kMessage)
        .take();
}

std::string serialize(const StatusGetRequest& document)
{
    return Writer(element::kStatus)
        .attribute(attribute::kUser, document.user)
        .attribute(attribute::kType, status_type::kGet)
        .end();
}

std::string serialize(const StatusSetRequest& document)
{
    return Writer(element::kStatus)
        .attribute(attribute::kUser, document.user)
        .attribute(attribute::kType, status_type::kSet)
        .attribute(attribute::kCode, document.code)
        .end();
}

std::string serialize(const StatusListRequest& document)
{
    return Writer(element::kStatus)
        .attribute(attribute::kUser, document.user)
        .attribute(attribute::kType, status_type::kList)
        .end();
}

std::string serialize(const FriendAddRequest& document)
{
    return Writer(element::kFriend)
        .attribute(attribute::kUser, document.user)
        .attribute(attribute::kType, friend_type::kAdd)
        .attribute(attribute::kFriend, document.friendName)
        .end();
}

std::string serialize(const FriendDeleteRequest& document)
{
    return Writer(element::kFriend)
        .attribute(attribute::kUser, document.user)
        .attribute(attribute::kType, friend_type::kDelete)
        .attribute(attribute::kFriend, document.friendName)
        .end();
}

std::string serialize(const FriendListRequest& document)
{
    return Writer(element::kFriend)
        .attribute(attribute::kUser, document.user)
        .attribute(attribute::kType, friend_type::kRequest)
        .end();
}

std::string serialize(const FriendAcceptRequest& document)
{
    return Writer(element::kFriend)
        .attribute(attribute::kUser, document.user)
        .attribute(attribute::kType, friend_type::kAccept)
        .attribute(attribute::kOther, document.other)
        .end();
}

std::string serialize(const FriendDenyRequest& document)
{
    return Writer(element::kFriend)
        .attribute(attribute::kUser, document.user)
        .attribute(attribute::kType, friend_type::kDeny)
        .attribute(attribute::kOther, document.other)
        .end();
}

std::string serialize(const Alive&) { return Writer(element::kAlive).end(); }

std::string serialize(const LoginResponse& document)
{
    return Writer(element::kLogin)
        .attribute(attribute::kUser, document.user)
        .attribute(attribute::kResult, wire(document.result))
        .end();
}

std::string serialize(const LogoutResponse& document)
{
    return Writer(element::kLogout).attribute(attribute::kResult, wire(document.result)).end();
}

std::string serialize(const ServerLogout& document)
{
    return Writer(element::kLogout)
        .attribute(attribute::kUser, document.user)
        .attribute(attribute::kResult, wire(LogoutResult::kLoggedOut))
        .end();
}

std::string serialize(const MessageResponse& document)
{
    return Writer(element::kMessage).attribute(attribute::kResult, wire(document.result)).end();
}

std::string serialize(const StatusGetResponse& document)
{
    return Writer(element::kStatus)
        .attribute(attribute::kType, status_type::kGet)
        .attribute(attribute::kResult, document.status)
        .end();
}

std::string serialize(const StatusSetResponse& document)
{
    return Writer(element::kStatus)
        .attribute(attribute::kType, status_type::kSet)
        .attribute(attribute::kResult, document.changed)
        .end();
}

std::string serialize(const StatusListResponse& document)
{
    Writer writer(element::kStatusList);
    writer.endOpenTag();
    for (const StatusEntry& status : document.statuses)
        writer.open(element::kStatus)
            .attribute(attribute::kId, status.id)
            .endOpenTag()
            .text(status.name)
            .close(element::kStatus);
    return writer.close(element::kStatusList).take();
}

std::string serialize(const FriendResponse& document)
{
    return Writer(element::kFriend)
        .attribute(attribute::kType, friendTypeOf(document.action))
        .attribute(attribute::kResult, wire(document.result))
        .end();
}

std::string serialize(const FriendInvite& document)
{
    return Writer(element::kFriend)
        .attribute(attribute::kType, friend_type::kInvite)
        .attribute(attribute::kTo, document.to)
        .attribute(attribute::kFrom, document.from)
        .end();
}

std::string serialize(const FriendListResponse& document)
{
    Writer writer(element::kFriends);
    writer.endOpenTag();
    for (const FriendEntry& user : document.friends)
        writer.open(element::kUser)
            .attribute(attribute::kStatus, user.status)
            .endOpenTag()
            .text(user.name)
            .close(element::kUser);
    return writer.close(element::kFriends).take();
}

std::string_view documentKind(const ClientDocument& document)
{
    return std::visit(KindOf{}, document);
}

std::string_view documentKind(const ServerDocument& document)
{
    return std::visit(KindOf{}, document);
}

} // namespace ringdesk::ims
