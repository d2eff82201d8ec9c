// Reading IMS documents (ims_document.h, "Parsing"): one document's text through the stream's
// lexical gate, POCO's DOM parser, then each element checked attribute by attribute.
#include "protocol/ims_document.h"

#include "protocol/ims_stream_parser.h"
#include "protocol/limits.h"
#include "protocol/protocol_error.h"

#include <Poco/AutoPtr.h>
#include <Poco/DOM/DOMParser.h>
#include <Poco/DOM/Document.h>
#include <Poco/DOM/Element.h>
#include <Poco/DOM/Node.h>
#include <Poco/DOM/Text.h>
#include <Poco/Exception.h>
#include <Poco/SAX/XMLReader.h>

#include <charconv>
#include <cstring>

namespace ringdesk::ims {

using protocol::ProtocolError;
namespace error_code = protocol::error_code;
namespace limits = protocol::limits;

namespace {

// ---------------------------------------------------------------------------------------------
// Reading.

bool equalsIgnoreCase(std::string_view a, std::string_view b)
{
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        char x = a[i];
        char y = b[i];
        if (x >= 'A' && x <= 'Z')
            x = static_cast<char>(x - 'A' + 'a');
        if (y >= 'A' && y <= 'Z')
            y = static_cast<char>(y - 'A' + 'a');
        if (x != y)
            return false;
    }
    return true;
}

// Runs the text through the same lexical gate as the stream (refused markup, size limit) and
// returns the one document it holds.
std::string gateOneDocument(std::string_view xml)
{
    ImsStreamParser gate;
    gate.feed(xml.data(), xml.size());
    std::optional<std::string> document = gate.next();
    if (!document)
        throw ProtocolError(error_code::kBadXml,
                            gate.hasPartial() ? "incomplete IMS document" : "no IMS document");
    if (gate.next() || gate.hasPartial())
        throw ProtocolError(error_code::kBadXml, "more than one IMS document");
    return *document;
}

Poco::AutoPtr<Poco::XML::Document> parseDom(const std::string& text)
{
    using Poco::XML::XMLReader;
    Poco::XML::DOMParser parser;
    // Element names are plain IMS names; namespaces would only rename them.
    parser.setFeature(XMLReader::FEATURE_NAMESPACES, false);
    parser.setFeature(XMLReader::FEATURE_NAMESPACE_PREFIXES, false);
    // Already POCO's defaults, stated so that a change of default cannot open external entities.
    // The gate has refused every DOCTYPE before this point, so no entity can be declared anyway.
    parser.setFeature(XMLReader::FEATURE_EXTERNAL_GENERAL_ENTITIES, false);
    parser.setFeature(XMLReader::FEATURE_EXTERNAL_PARAMETER_ENTITIES, false);
    try {
        return Poco::AutoPtr<Poco::XML::Document>(parser.parseMemory(text.data(), text.size()));
    } catch (const Poco::Exception& e) {
        throw ProtocolError(error_code::kBadXml, "malformed IMS document: " + e.displayText());
    }
}

const Poco::XML::Element& rootOf(const Poco::XML::Document& document)
{
    const Poco::XML::Element* root = document.documentElement();
    if (root == nullptr)
        throw ProtocolError(error_code::kBadXml, "IMS document without a root element");
    return *root;
}

std::string where(const Poco::XML::Element& element, const char* attributeName)
{
    return std::string(attributeName) + " of " + element.nodeName();
}

std::string required(const Poco::XML::Element& element, const char* attributeName)
{
    if (!element.hasAttribute(attributeName))
        throw ProtocolError(error_code::kMissingField,
                            element.nodeName() + " lacks attribute " + attributeName);
    return element.getAttribute(attributeName);
}

// A user name: non-empty and at most limits::kMaxUsernameBytes bytes.
std::string requiredName(const Poco::XML::Element& element, const char* attributeName)
{
    std::string value = required(element, attributeName);
    if (value.empty())
        throw ProtocolError(error_code::kBadField, where(element, attributeName) + " is empty");
    if (value.size() > limits::kMaxUsernameBytes)
        throw ProtocolError(error_code::kBadField,
                            where(element, attributeName) + " is longer than " +
                                std::to_string(limits::kMaxUsernameBytes) + " bytes");
    return value;
}

// LOGIN's `pass` (the MD5 of the password): at most limits::kMaxPasswordBytes bytes.
std::string requiredPassword(const Poco::XML::Element& element)
{
    std::string value = required(element, attribute::kPass);
    if (value.size() > limits::kMaxPasswordBytes)
        throw ProtocolError(error_code::kBadField,
                            where(element, attribute::kPass) + " is longer than " +
                                std::to_string(limits::kMaxPasswordBytes) + " bytes");
    return value;
}

// A decimal integer: an optional '-' and digits, nothing else, within int's range.
int requiredInt(const Poco::XML::Element& element, const char* attributeName)
{
    const std::string value = required(element, attributeName);
    const char* begin = value.data();
    const char* end = begin + value.size();
    int number = 0;
    const auto [stop, error] = std::from_chars(begin, end, number);
    if (value.empty() || error != std::errc() || stop != end)
        throw ProtocolError(error_code::kBadField, where(element, attributeName) +
                                                       " is not an integer: \"" + value + "\"");
    return number;
}

// A result code that must be one of the enumerators listed in `allowed`.
template <typename Enum, std::size_t N>
Enum requiredCode(const Poco::XML::Element& element, const char* attributeName,
                  const Enum (&allowed)[N])
{
    const int value = requiredInt(element, attributeName);
    for (Enum candidate : allowed)
        if (static_cast<int>(candidate) == value)
            return candidate;
    throw ProtocolError(error_code::kBadField,
                        where(element, attributeName) +
                            " is not a result code of the spec: " + std::to_string(value));
}

constexpr LoginResult kLoginResults[] = {LoginResult::kWrongCredentials, LoginResult::kOk, LoginResult::kBanned};
constexpr LogoutResult kLogoutResults[] = {LogoutResult::kNotOwner, LogoutResult::kLoggedOut};
constexpr MessageResult kMessageResults[] = {MessageResult::kRecipientOffline,
                                             MessageResult::kNoSuchUser, MessageResult::kDelivered};
constexpr FriendResult kFriendResults[] = {FriendResult::kFailed, FriendResult::kDone};

// The character data of an element that may hold only text (CDATA sections included).
std::string textOf(const Poco::XML::Element& element)
{
    std::string text;
    for (const Poco::XML::Node* child = element.firstChild(); child != nullptr;
         child = child->nextSibling()) {
        const unsigned short type = child->nodeType();
        if (type == Poco::XML::Node::TEXT_NODE || type == Poco::XML::Node::CDATA_SECTION_NODE)
            text += child->nodeValue();
        else if (type == Poco::XML::Node::ELEMENT_NODE)
            throw ProtocolError(error_code::kBadField, element.nodeName() + " holds an element (" +
                                                           child->nodeName() +
                                                           ") where only text is allowed");
    }
    return text;
}

// The child elements of a list element (STATUSLIST, FRIENDS), each named `childName`;
// whitespace between them is allowed, other text is not.
std::vector<const Poco::XML::Element*> childrenOf(const Poco::XML::Element& element,
                                                  const char* childName)
{
    std::vector<const Poco::XML::Element*> children;
    for (const Poco::XML::Node* child = element.firstChild(); child != nullptr;
         child = child->nextSibling()) {
        const unsigned short type = child->nodeType();
        if (type == Poco::XML::Node::ELEMENT_NODE) {
            if (!equalsIgnoreCase(child->nodeName(), childName))
                throw ProtocolError(error_code::kBadField, element.nodeName() + " holds " +
                                                               child->nodeName() + ", not " +
                                                               childName);
            children.push_back(static_cast<const Poco::XML::Element*>(child));
        } else if (type == Poco::XML::Node::TEXT_NODE ||
                   type == Poco::XML::Node::CDATA_SECTION_NODE) {
            if (child->nodeValue().find_first_not_of(" \t\r\n") != std::string::npos)
                throw ProtocolError(error_code::kBadField,
                                    element.nodeName() + " holds text between its elements");
        }
    }
    return children;
}

std::string messageText(const Poco::XML::Element& element)
{
    std::string text = textOf(element);
    if (text.size() > limits::kMaxMessageTextBytes)
        throw ProtocolError(error_code::kTooLarge,
                            "MESSAGE text longer than " +
                                std::to_string(limits::kMaxMessageTextBytes) + " bytes");
    return text;
}

Message parseMessage(const Poco::XML::Element& root)
{
    Message message;
    message.from = requiredName(root, attribute::kFrom);
    message.to = requiredName(root, attribute::kTo);
    message.text = messageText(root);
    return message;
}

[[noreturn]] void unknownType(const Poco::XML::Element& root, const std::string& type)
{
    throw ProtocolError(error_code::kUnknownType,
                        root.nodeName() + " has an unknown type \"" + type + "\"");
}

[[noreturn]] void unknownElement(const Poco::XML::Element& root)
{
    throw ProtocolError(error_code::kUnknownType, "unknown IMS document " + root.nodeName());
}

ClientDocument parseClientStatus(const Poco::XML::Element& root)
{
    const std::string user = requiredName(root, attribute::kUser);
    const std::string type = required(root, attribute::kType);
    if (equalsIgnoreCase(type, status_type::kGet))
        return StatusGetRequest{user};
    if (equalsIgnoreCase(type, status_type::kSet))
        return StatusSetRequest{user, requiredInt(root, attribute::kCode)};
    if (equalsIgnoreCase(type, status_type::kList))
        return StatusListRequest{user};
    unknownType(root, type);
}

ClientDocument parseClientFriend(const Poco::XML::Element& root)
{
    const std::string user = requiredName(root, attribute::kUser);
    const std::string type = required(root, attribute::kType);
    if (equalsIgnoreCase(type, friend_type::kAdd))
        return FriendAddRequest{user, requiredName(root, attribute::kFriend)};
    if (equalsIgnoreCase(type, friend_type::kDelete))
        return FriendDeleteRequest{user, requiredName(root, attribute::kFriend)};
    if (equalsIgnoreCase(type, friend_type::kRequest))
        return FriendListRequest{user};
    if (equalsIgnoreCase(type, friend_type::kAccept))
        return FriendAcceptRequest{user, requiredName(root, attribute::kOther)};
    if (equalsIgnoreCase(type, friend_type::kDeny))
        return FriendDenyRequest{user, requiredName(root, attribute::kOther)};
    unknownType(root, type);
}

ServerDocument parseServerStatus(const Poco::XML::Element& root)
{
    const std::string type = required(root, attribute::kType);
    if (equalsIgnoreCase(type, status_type::kGet))
        return StatusGetResponse{requiredInt(root, attribute::kResult)};
    if (equalsIgnoreCase(type, status_type::kSet))
        return StatusSetResponse{requiredInt(root, attribute::kResult)};
    unknownType(root, type);
}

ServerDocument parseServerFriend(const Poco::XML::Element& root)
{
    const std::string type = required(root, attribute::kType);
    if (equalsIgnoreCase(type, friend_type::kInvite))
        return FriendInvite{requiredName(root, attribute::kTo),
                            requiredName(root, attribute::kFrom)};
    FriendAction action;
    if (equalsIgnoreCase(type, friend_type::kAdd))
        action = FriendAction::kAdd;
    else if (equalsIgnoreCase(type, friend_type::kDelete))
        action = FriendAction::kDelete;
    else if (equalsIgnoreCase(type, friend_type::kAccept))
        action = FriendAction::kAccept;
    else if (equalsIgnoreCase(type, friend_type::kDeny))
        action = FriendAction::kDeny;
    else
        unknownType(root, type);
    return FriendResponse{action, requiredCode(root, attribute::kResult, kFriendResults)};
}

ServerDocument parseServerLogout(const Poco::XML::Element& root)
{
    const LogoutResult result = requiredCode(root, attribute::kResult, kLogoutResults);
    if (!root.hasAttribute(attribute::kUser))
        return LogoutResponse{result};
    if (result != LogoutResult::kLoggedOut)
        throw ProtocolError(error_code::kBadField,
                            "a server-initiated LOGOUT (with user) must have result 1");
    return ServerLogout{requiredName(root, attribute::kUser)};
}

StatusListResponse parseStatusList(const Poco::XML::Element& root)
{
    StatusListResponse list;
    for (const Poco::XML::Element* status : childrenOf(root, element::kStatus))
        list.statuses.push_back(StatusEntry{requiredInt(*status, attribute::kId), textOf(*status)});
    return list;
}

FriendListResponse parseFriendList(const Poco::XML::Element& root)
{
    FriendListResponse list;
    for (const Poco::XML::Element* user : childrenOf(root, element::kUser)) {
        FriendEntry entry{requiredInt(*user, attribute::kStatus), textOf(*user)};
        if (entry.name.empty() || entry.name.size() > limits::kMaxUsernameBytes)
            throw ProtocolError(error_code::kBadField,
                                "USER in FRIENDS must name a user of 1.." +
                                    std::to_string(limits::kMaxUsernameBytes) + " bytes");
        list.friends.push_back(std::move(entry));
    }
    return list;
}

} // namespace

// ---------------------------------------------------------------------------------------------
// Parsing.

ClientDocument parseClientDocument(std::string_view xml)
{
    const Poco::AutoPtr<Poco::XML::Document> document = parseDom(gateOneDocument(xml));
    return parseClientDocument(rootOf(*document));
}

ClientDocument parseClientDocument(const Poco::XML::Element& root)
{
    const std::string& name = root.nodeName();
    if (equalsIgnoreCase(name, element::kLogin))
        return LoginRequest{requiredName(root, attribute::kUser), requiredPassword(root)};
    if (equalsIgnoreCase(name, element::kLogout))
        return LogoutRequest{requiredName(root, attribute::kUser)};
    if (equalsIgnoreCase(name, element::kMessage))
        return parseMessage(root);
    if (equalsIgnoreCase(name, element::kStatus))
        return parseClientStatus(root);
    if (equalsIgnoreCase(name, element::kFriend))
        return parseClientFriend(root);
    if (equalsIgnoreCase(name, element::kAlive))
        return Alive{};
    unknownElement(root);
}

ServerDocument parseServerDocument(std::string_view xml)
{
    const Poco::AutoPtr<Poco::XML::Document> document = parseDom(gateOneDocument(xml));
    return parseServerDocument(rootOf(*document));
}

ServerDocument parseServerDocument(const Poco::XML::Element& root)
{
    const std::string& name = root.nodeName();
    if (equalsIgnoreCase(name, element::kLogin))
        return LoginResponse{requiredName(root, attribute::kUser),
                             requiredCode(root, attribute::kResult, kLoginResults)};
    if (equalsIgnoreCase(name, element::kLogout))
        return parseServerLogout(root);
    if (equalsIgnoreCase(name, element::kMessage)) {
        if (root.hasAttribute(attribute::kResult))
            return MessageResponse{requiredCode(root, attribute::kResult, kMessageResults)};
        return parseMessage(root);
    }
    if (equalsIgnoreCase(name, element::kStatus))
        return parseServerStatus(root);
    if (equalsIgnoreCase(name, element::kStatusList))
        return parseStatusList(root);
    if (equalsIgnoreCase(name, element::kFriend))
        return parseServerFriend(root);
    if (equalsIgnoreCase(name, element::kFriends))
        return parseFriendList(root);
    if (equalsIgnoreCase(name, element::kAlive))
        return Alive{};
    unknownElement(root);
}

} // namespace ringdesk::ims
