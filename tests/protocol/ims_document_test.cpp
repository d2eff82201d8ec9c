// Round trips and malformed input for the IMS document codec (protocol/ims_document.h).
#include "protocol/ims_document.h"
#include "protocol/limits.h"
#include "protocol/protocol_error.h"

#include <Poco/AutoPtr.h>
#include <Poco/DOM/DOMParser.h>
#include <Poco/DOM/Document.h>
#include <Poco/DOM/Element.h>

#include <cppunit/extensions/HelperMacros.h>

#include <functional>
#include <string>

using namespace ringdesk::ims;
using ringdesk::protocol::ProtocolError;
namespace error_code = ringdesk::protocol::error_code;
namespace limits = ringdesk::protocol::limits;

namespace {

void expectError(const char* code, const std::function<void()>& action, const std::string& input)
{
    try {
        action();
    } catch (const ProtocolError& e) {
        CPPUNIT_ASSERT_EQUAL_MESSAGE(input + " -> " + e.what(), std::string(code), e.code());
        return;
    }
    CPPUNIT_FAIL("no ProtocolError(" + std::string(code) + ") for " + input);
}

void expectClientError(const char* code, const std::string& xml)
{
    expectError(
        code, [&] { parseClientDocument(xml); }, xml);
}

void expectServerError(const char* code, const std::string& xml)
{
    expectError(
        code, [&] { parseServerDocument(xml); }, xml);
}

// serialize -> parse gives the same value back; the failure message shows both wire forms.
void checkClientRoundTrip(const ClientDocument& document)
{
    const std::string wire = serialize(document);
    const ClientDocument parsed = parseClientDocument(wire);
    CPPUNIT_ASSERT_MESSAGE(wire + " parsed back as " + serialize(parsed), parsed == document);
}

void checkServerRoundTrip(const ServerDocument& document)
{
    const std::string wire = serialize(document);
    const ServerDocument parsed = parseServerDocument(wire);
    CPPUNIT_ASSERT_MESSAGE(wire + " parsed back as " + serialize(parsed), parsed == document);
}

template <typename T>
T parseClientAs(const std::string& xml)
{
    const ClientDocument document = parseClientDocument(xml);
    CPPUNIT_ASSERT_MESSAGE(xml + " parsed as " + std::string(documentKind(document)),
                           std::holds_alternative<T>(document));
    return std::get<T>(document);
}

template <typename T>
T parseServerAs(const std::string& xml)
{
    const ServerDocument document = parseServerDocument(xml);
    CPPUNIT_ASSERT_MESSAGE(xml + " parsed as " + std::string(documentKind(document)),
                           std::holds_alternative<T>(document));
    return std::get<T>(document);
}

} // namespace

class ImsDocumentTest : public CppUnit::TestFixture
{
    CPPUNIT_TEST_SUITE(ImsDocumentTest);
    CPPUNIT_TEST(testClientDocumentsRoundTrip);
    CPPUNIT_TEST(testServerDocumentsRoundTripWithEveryResultCode);
    CPPUNIT_TEST(testClientWireFormMatchesSpec);
    CPPUNIT_TEST(testServerWireFormMatchesSpecExamples);
    CPPUNIT_TEST(testSpecExamplesParse);
    CPPUNIT_TEST(testTextAndAttributesAreEscaped);
    CPPUNIT_TEST(testWhitespaceAndLineEndsSurvive);
    CPPUNIT_TEST(testCharactersXmlCannotCarryBecomeReplacementCharacter);
    CPPUNIT_TEST(testEntityReferencesAndCdataAreDecoded);
    CPPUNIT_TEST(testElementAndTypeAreCaseInsensitive);
    CPPUNIT_TEST(testServerDistinguishesResponseFromDelivery);
    CPPUNIT_TEST(testUnknownElementOrType);
    CPPUNIT_TEST(testMissingAttributes);
    CPPUNIT_TEST(testBadFields);
    CPPUNIT_TEST(testOversizeFields);
    CPPUNIT_TEST(testMalformedXml);
    CPPUNIT_TEST(testDeclarationsAndEntitiesAreRefused);
    CPPUNIT_TEST(testParsesFromPocoElement);
    CPPUNIT_TEST(testDocumentKind);
    CPPUNIT_TEST_SUITE_END();

public:
    void testClientDocumentsRoundTrip()
    {
        checkClientRoundTrip(LoginRequest{"alice", "5f4dcc3b5aa765d61d8327deb882cf99"});
        checkClientRoundTrip(LogoutRequest{"alice"});
        checkClientRoundTrip(Message{"alice", "bob", "hello there"});
        checkClientRoundTrip(Message{"alice", "bob", ""});
        checkClientRoundTrip(StatusGetRequest{"alice"});
        checkClientRoundTrip(StatusSetRequest{"alice", 2});
        checkClientRoundTrip(StatusSetRequest{"alice", -1});
        checkClientRoundTrip(StatusListRequest{"alice"});
        checkClientRoundTrip(FriendAddRequest{"alice", "bob"});
        checkClientRoundTrip(FriendDeleteRequest{"alice", "bob"});
        checkClientRoundTrip(FriendListRequest{"alice"});
        checkClientRoundTrip(FriendAcceptRequest{"alice", "carol"});
        checkClientRoundTrip(FriendDenyRequest{"alice", "carol"});
        checkClientRoundTrip(Alive{});
    }

    void testServerDocumentsRoundTripWithEveryResultCode()
    {
        for (LoginResult result : {LoginResult::kWrongCredentials, LoginResult::kOk, LoginResult::kBanned})
            checkServerRoundTrip(LoginResponse{"alice", result});
        for (LogoutResult result : {LogoutResult::kNotOwner, LogoutResult::kLoggedOut})
            checkServerRoundTrip(LogoutResponse{result});
        checkServerRoundTrip(ServerLogout{"alice"});
        checkServerRoundTrip(Message{"alice", "bob", "hi"});
        for (MessageResult result : {MessageResult::kRecipientOffline, MessageResult::kNoSuchUser,
                                     MessageResult::kDelivered})
            checkServerRoundTrip(MessageResponse{result});
        for (int status : {ringdesk::protocol::user_status::kUnknown, 0, 1, 7})
            checkServerRoundTrip(StatusGetResponse{status});
        for (int changed : {kStatusSetRefused, kStatusSetDone})
            checkServerRoundTrip(StatusSetResponse{changed});
        checkServerRoundTrip(StatusListResponse{});
        checkServerRoundTrip(
            StatusListResponse{{{0, "Online"}, {1, "Away"}, {2, "Do not disturb"}}});
        for (FriendAction action : {FriendAction::kAdd, FriendAction::kDelete,
                                    FriendAction::kAccept, FriendAction::kDeny})
            for (FriendResult result : {FriendResult::kFailed, FriendResult::kDone})
                checkServerRoundTrip(FriendResponse{action, result});
        checkServerRoundTrip(FriendInvite{"alice", "bob"});
        checkServerRoundTrip(FriendListResponse{});
        checkServerRoundTrip(
            FriendListResponse{{{0, "Friend1"}, {ringdesk::protocol::user_status::kUnknown, "Friend2"}}});
        checkServerRoundTrip(Alive{});
    }

    void testClientWireFormMatchesSpec()
    {
        CPPUNIT_ASSERT_EQUAL(std::string(R"(<LOGIN user="a" pass="p"/>)"),
                             serialize(LoginRequest{"a", "p"}));
        CPPUNIT_ASSERT_EQUAL(std::string(R"(<LOGOUT user="a"/>)"), serialize(LogoutRequest{"a"}));
        CPPUNIT_ASSERT_EQUAL(
            std::string(R"(<MESSAGE from="me" to="you">Message from me to you</MESSAGE>)"),
            serialize(Message{"me", "you", "Message from me to you"}));
        CPPUNIT_ASSERT_EQUAL(std::string(R"(<STATUS user="a" type="get"/>)"),
                             serialize(StatusGetRequest{"a"}));
        CPPUNIT_ASSERT_EQUAL(std::string(R"(<STATUS user="a" type="set" code="1"/>)"),
                             serialize(StatusSetRequest{"a", 1}));
        CPPUNIT_ASSERT_EQUAL(std::string(R"(<STATUS user="a" type="list"/>)"),
                             serialize(StatusListRequest{"a"}));
        CPPUNIT_ASSERT_EQUAL(std::string(R"(<FRIEND user="a" type="add" friend="b"/>)"),
                             serialize(FriendAddRequest{"a", "b"}));
        CPPUNIT_ASSERT_EQUAL(std::string(R"(<FRIEND user="a" type="delete" friend="b"/>)"),
                             serialize(FriendDeleteRequest{"a", "b"}));
        CPPUNIT_ASSERT_EQUAL(std::string(R"(<FRIEND user="a" type="request"/>)"),
                             serialize(FriendListRequest{"a"}));
        CPPUNIT_ASSERT_EQUAL(std::string(R"(<FRIEND user="a" type="accept" other="b"/>)"),
                             serialize(FriendAcceptRequest{"a", "b"}));
        CPPUNIT_ASSERT_EQUAL(std::string(R"(<FRIEND user="a" type="deny" other="b"/>)"),
                             serialize(FriendDenyRequest{"a", "b"}));
        CPPUNIT_ASSERT_EQUAL(std::string("<ALIVE/>"), serialize(Alive{}));
        CPPUNIT_ASSERT_EQUAL(std::string("<ALIVE/>"), serialize(ClientDocument{Alive{}}));
    }

    void testServerWireFormMatchesSpecExamples()
    {
        CPPUNIT_ASSERT_EQUAL(std::string(R"(<LOGIN user="a" result="2"/>)"),
                             serialize(LoginResponse{"a", LoginResult::kBanned}));
        CPPUNIT_ASSERT_EQUAL(std::string(R"(<LOGOUT result="0"/>)"),
                             serialize(LogoutResponse{LogoutResult::kNotOwner}));
        CPPUNIT_ASSERT_EQUAL(std::string(R"(<LOGOUT user="username" result="1"/>)"),
                             serialize(ServerLogout{"username"}));
        CPPUNIT_ASSERT_EQUAL(std::string(R"(<MESSAGE result="-1"/>)"),
                             serialize(MessageResponse{MessageResult::kRecipientOffline}));
        CPPUNIT_ASSERT_EQUAL(std::string(R"(<STATUS type="get" result="-1"/>)"),
                             serialize(StatusGetResponse{}));
        CPPUNIT_ASSERT_EQUAL(std::string(R"(<STATUS type="set" result="1"/>)"),
                             serialize(StatusSetResponse{kStatusSetDone}));
        CPPUNIT_ASSERT_EQUAL(
            std::string(
                R"(<STATUSLIST><STATUS id="0">Online</STATUS><STATUS id="1">Away</STATUS></STATUSLIST>)"),
            serialize(StatusListResponse{{{0, "Online"}, {1, "Away"}}}));
        CPPUNIT_ASSERT_EQUAL(std::string("<STATUSLIST></STATUSLIST>"),
                             serialize(StatusListResponse{}));
        CPPUNIT_ASSERT_EQUAL(std::string(R"(<FRIEND type="deny" result="1"/>)"),
                             serialize(FriendResponse{FriendAction::kDeny, FriendResult::kDone}));
        CPPUNIT_ASSERT_EQUAL(std::string(R"(<FRIEND type="invite" to="user" from="newFriend"/>)"),
                             serialize(FriendInvite{"user", "newFriend"}));
        CPPUNIT_ASSERT_EQUAL(
            std::string(
                R"(<FRIENDS><USER status="0">Friend1</USER><USER status="-1">Friend2</USER></FRIENDS>)"),
            serialize(FriendListResponse{{{0, "Friend1"}, {-1, "Friend2"}}}));
        CPPUNIT_ASSERT_EQUAL(std::string(R"(<MESSAGE result="1"/>)"),
                             serialize(ServerDocument{MessageResponse{MessageResult::kDelivered}}));
    }

    void testSpecExamplesParse()
    {
        CPPUNIT_ASSERT(parseClientAs<Message>(
                           R"(<MESSAGE from="me" to="you">Message from me to you</MESSAGE>)") ==
                       (Message{"me", "you", "Message from me to you"}));
        CPPUNIT_ASSERT(
            parseServerAs<StatusListResponse>(
                R"(<STATUSLIST><STATUS id="0">Online</STATUS><STATUS id="1">Away</STATUS></STATUSLIST>)") ==
            (StatusListResponse{{{0, "Online"}, {1, "Away"}}}));
        CPPUNIT_ASSERT(
            parseServerAs<FriendListResponse>(
                R"(<FRIENDS><USER status="0">Friend1</USER><USER status="-1">Friend2</USER></FRIENDS>)") ==
            (FriendListResponse{{{0, "Friend1"}, {-1, "Friend2"}}}));
        CPPUNIT_ASSERT(
            parseServerAs<FriendInvite>(R"(<FRIEND type="invite" to="user" from="newFriend"/>)") ==
            (FriendInvite{"user", "newFriend"}));
        CPPUNIT_ASSERT(parseServerAs<ServerLogout>(R"(<LOGOUT user="username" result="1"/>)") ==
                       ServerLogout{"username"});
        // Lists laid out over several lines, as a hand-written client might send them.
        CPPUNIT_ASSERT(parseServerAs<FriendListResponse>(
                           "<FRIENDS>\n  <USER status=\"3\">x</USER>\n</FRIENDS>\n") ==
                       (FriendListResponse{{{3, "x"}}}));
        // An XML declaration in front of a document is accepted.
        CPPUNIT_ASSERT(parseClientAs<Alive>(
                           "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ALIVE/>") == Alive{});
    }

    void testTextAndAttributesAreEscaped()
    {
        const std::string hostile = "a<b & \"c\" 'd' > ]]> &amp;";
        const Message message{"x&y", "\"quoted\" <to>", hostile};
        const std::string wire = serialize(message);
        CPPUNIT_ASSERT_EQUAL(
            std::string(R"(<MESSAGE from="x&amp;y" to="&quot;quoted&quot; &lt;to&gt;">)"
                        R"(a&lt;b &amp; "c" 'd' &gt; ]]&gt; &amp;amp;</MESSAGE>)"),
            wire);
        checkClientRoundTrip(message);
        checkServerRoundTrip(message);
        CPPUNIT_ASSERT_EQUAL(
            std::string("a<b & \"c\""),
            parseClientAs<Message>(serialize(Message{"a", "b", "a<b & \"c\""})).text);
        checkServerRoundTrip(StatusListResponse{{{0, "<Busy & \"away\">"}}});
        checkServerRoundTrip(FriendListResponse{{{1, "o'brien&co"}}});
        checkClientRoundTrip(LoginRequest{"a", "p\"'<>&"});
        // Non-ASCII UTF-8 passes through unchanged.
        checkClientRoundTrip(Message{"jürgen", "李", "Grüße, 你好 \xF0\x9F\x99\x82"});
    }

    void testWhitespaceAndLineEndsSurvive()
    {
        checkClientRoundTrip(Message{"a", "b", "line 1\r\nline 2\rline 3\n\ttab  "});
        checkClientRoundTrip(Message{"a", "b", "   "});
        checkServerRoundTrip(StatusListResponse{{{0, " padded\tname\r\n"}}});
        checkClientRoundTrip(LoginRequest{"a", "multi\nline\r\tpass"});
    }

    void testCharactersXmlCannotCarryBecomeReplacementCharacter()
    {
        const std::string replacement = "\xEF\xBF\xBD";
        // C0 controls, a stray continuation byte, a truncated sequence, an overlong '/', a
        // UTF-8-encoded surrogate and U+FFFF: none can appear in an XML 1.0 document.
        const std::string bad = std::string("a\x01") + '\0' + "b\x80" + "c\xE4\xB8" + "d\xC0\xAF" +
                                "e\xED\xA0\x80" + "f\xEF\xBF\xBF" + "g";
        const Message parsed = parseClientAs<Message>(serialize(Message{"a", "b", bad}));
        CPPUNIT_ASSERT_EQUAL("a" + replacement + replacement + "b" + replacement + "c" +
                                 replacement + replacement + "d" + replacement + replacement + "e" +
                                 replacement + replacement + replacement + "f" + replacement +
                                 replacement + replacement + "g",
                             parsed.text);
        const LoginRequest login =
            parseClientAs<LoginRequest>(serialize(LoginRequest{"a", "p\x1Fq"}));
        CPPUNIT_ASSERT_EQUAL("p" + replacement + "q", login.pass);
    }

    void testEntityReferencesAndCdataAreDecoded()
    {
        CPPUNIT_ASSERT_EQUAL(
            std::string("A<>&\"'B\xC3\xA9"),
            parseClientAs<Message>(
                R"(<MESSAGE from="a" to="b">&#65;&lt;&gt;&amp;&quot;&apos;&#x42;&#233;</MESSAGE>)")
                .text);
        CPPUNIT_ASSERT_EQUAL(
            std::string("x </MESSAGE> <y> & z"),
            parseClientAs<Message>(
                R"(<MESSAGE from="a" to="b">x <![CDATA[</MESSAGE> <y> & ]]>z</MESSAGE>)")
                .text);
        CPPUNIT_ASSERT_EQUAL(
            std::string("<!DOCTYPE html>"),
            parseClientAs<Message>(
                R"(<MESSAGE from="a" to="b"><![CDATA[<!DOCTYPE html>]]></MESSAGE>)")
                .text);
        CPPUNIT_ASSERT_EQUAL(std::string("b>c"),
                             parseClientAs<Message>(R"(<MESSAGE from='a' to="b>c"/>)").to);
    }

    void testElementAndTypeAreCaseInsensitive()
    {
        CPPUNIT_ASSERT(
            parseClientAs<FriendAcceptRequest>(R"(<FRIEND user="a" type="Accept" other="b"/>)") ==
            (FriendAcceptRequest{"a", "b"}));
        CPPUNIT_ASSERT(
            parseClientAs<FriendDenyRequest>(R"(<friend user="a" type="Deny" other="b"/>)") ==
            (FriendDenyRequest{"a", "b"}));
        CPPUNIT_ASSERT(parseClientAs<StatusGetRequest>(R"(<Status user="a" type="GET"/>)") ==
                       StatusGetRequest{"a"});
        CPPUNIT_ASSERT(parseClientAs<LoginRequest>(R"(<login user="a" pass="p"/>)") ==
                       (LoginRequest{"a", "p"}));
        CPPUNIT_ASSERT(parseClientAs<Alive>("<alive/>") == Alive{});
        CPPUNIT_ASSERT(parseServerAs<FriendInvite>(R"(<FRIEND type="INVITE" to="a" from="b"/>)") ==
                       (FriendInvite{"a", "b"}));
        CPPUNIT_ASSERT(parseServerAs<StatusListResponse>(
                           R"(<statusList><status id="4">Busy</status></statusList>)") ==
                       (StatusListResponse{{{4, "Busy"}}}));
        CPPUNIT_ASSERT(
            parseServerAs<FriendListResponse>(R"(<Friends><user status="1">x</user></Friends>)") ==
            (FriendListResponse{{{1, "x"}}}));
        CPPUNIT_ASSERT(parseServerAs<FriendResponse>(R"(<FRIEND type="Delete" result="1"/>)") ==
                       (FriendResponse{FriendAction::kDelete, FriendResult::kDone}));
        // ...but always written in the spec's spelling.
        CPPUNIT_ASSERT_EQUAL(
            std::string(R"(<FRIEND user="a" type="accept" other="b"/>)"),
            serialize(parseClientDocument(R"(<friend user="a" type="ACCEPT" other="b"/>)")));
        CPPUNIT_ASSERT_EQUAL(
            std::string(R"(<FRIEND type="invite" to="a" from="b"/>)"),
            serialize(parseServerDocument(R"(<Friend type="Invite" to="a" from="b"/>)")));
    }

    void testServerDistinguishesResponseFromDelivery()
    {
        CPPUNIT_ASSERT(parseServerAs<MessageResponse>(R"(<MESSAGE result="0"/>)") ==
                       MessageResponse{MessageResult::kNoSuchUser});
        CPPUNIT_ASSERT(parseServerAs<Message>(R"(<MESSAGE from="a" to="b">t</MESSAGE>)") ==
                       (Message{"a", "b", "t"}));
        CPPUNIT_ASSERT(parseServerAs<LogoutResponse>(R"(<LOGOUT result="1"/>)") ==
                       LogoutResponse{LogoutResult::kLoggedOut});
        CPPUNIT_ASSERT(parseServerAs<ServerLogout>(R"(<LOGOUT user="a" result="1"/>)") ==
                       ServerLogout{"a"});
        // A client-side MESSAGE ignores a stray result attribute.
        CPPUNIT_ASSERT(
            parseClientAs<Message>(R"(<MESSAGE from="a" to="b" result="1">t</MESSAGE>)") ==
            (Message{"a", "b", "t"}));
        // Unknown attributes are ignored in both directions.
        CPPUNIT_ASSERT(parseClientAs<LogoutRequest>(R"(<LOGOUT user="a" version="2"/>)") ==
                       LogoutRequest{"a"});
    }

    void testUnknownElementOrType()
    {
        expectClientError(error_code::kUnknownType, R"(<HELLO user="a"/>)");
        expectClientError(error_code::kUnknownType, "<STATUSLIST></STATUSLIST>"); // server-only
        expectClientError(error_code::kUnknownType, R"(<STATUS user="a" type="toggle"/>)");
        expectClientError(error_code::kUnknownType,
                          R"(<FRIEND user="a" type="invite" to="b" from="c"/>)");
        expectClientError(error_code::kUnknownType, R"(<FRIEND user="a" type=""/>)");
        expectServerError(error_code::kUnknownType, R"(<HELLO/>)");
        expectServerError(error_code::kUnknownType, R"(<STATUS type="list" result="1"/>)");
        expectServerError(error_code::kUnknownType, R"(<FRIEND type="request" result="1"/>)");
    }

    void testMissingAttributes()
    {
        for (const char* xml : {
                 R"(<LOGIN user="a"/>)", R"(<LOGIN pass="p"/>)", R"(<LOGOUT/>)",
                 R"(<MESSAGE to="b">t</MESSAGE>)", R"(<MESSAGE from="a">t</MESSAGE>)",
                 R"(<STATUS type="get"/>)", R"(<STATUS user="a"/>)",
                 R"(<STATUS user="a" type="set"/>)", R"(<FRIEND user="a"/>)",
                 R"(<FRIEND type="request"/>)", R"(<FRIEND user="a" type="add"/>)",
                 R"(<FRIEND user="a" type="delete" other="b"/>)",
                 R"(<FRIEND user="a" type="accept"/>)",
                 R"(<FRIEND user="a" type="deny" friend="b"/>)",
                 R"(<LOGIN USER="a" pass="p"/>)", // attribute names are exact
             })
            expectClientError(error_code::kMissingField, xml);
        for (const char* xml : {
                 R"(<LOGIN user="a"/>)",
                 R"(<LOGIN result="1"/>)",
                 R"(<LOGOUT user="a"/>)",
                 R"(<LOGOUT/>)",
                 R"(<MESSAGE/>)",
                 R"(<STATUS result="1"/>)",
                 R"(<STATUS type="get"/>)",
                 R"(<STATUSLIST><STATUS>Online</STATUS></STATUSLIST>)",
                 R"(<FRIEND type="add"/>)",
                 R"(<FRIEND type="invite" to="a"/>)",
                 R"(<FRIEND type="invite" from="a"/>)",
                 R"(<FRIENDS><USER>x</USER></FRIENDS>)",
             })
            expectServerError(error_code::kMissingField, xml);
    }

    void testBadFields()
    {
        for (const char* xml : {
                 R"(<STATUS user="a" type="set" code="x"/>)",
                 R"(<STATUS user="a" type="set" code=""/>)",
                 R"(<STATUS user="a" type="set" code="1.5"/>)",
                 R"(<STATUS user="a" type="set" code=" 1"/>)",
                 R"(<STATUS user="a" type="set" code="+1"/>)",
                 R"(<STATUS user="a" type="set" code="99999999999"/>)",
                 R"(<LOGIN user="" pass="p"/>)",
                 R"(<MESSAGE from="a" to="">t</MESSAGE>)",
                 R"(<MESSAGE from="a" to="b">t<b>bold</b></MESSAGE>)",
                 R"(<FRIEND user="a" type="add" friend=""/>)",
             })
            expectClientError(error_code::kBadField, xml);
        for (const char* xml : {
                 R"(<LOGIN user="a" result="3"/>)",
                 R"(<LOGIN user="a" result="-1"/>)",
                 R"(<LOGOUT result="2"/>)",
                 R"(<LOGOUT user="a" result="0"/>)",
                 R"(<MESSAGE result="2"/>)",
                 R"(<MESSAGE result="ok"/>)",
                 R"(<STATUS type="get" result="x"/>)",
                 R"(<FRIEND type="add" result="2"/>)",
                 R"(<STATUSLIST><STATUS id="z">Online</STATUS></STATUSLIST>)",
                 R"(<STATUSLIST><USER status="0">x</USER></STATUSLIST>)",
                 R"(<STATUSLIST>text<STATUS id="0">Online</STATUS></STATUSLIST>)",
                 R"(<FRIENDS><USER status="0"></USER></FRIENDS>)",
                 R"(<FRIENDS><USER status="0">x<b/></USER></FRIENDS>)",
             })
            expectServerError(error_code::kBadField, xml);
    }

    void testOversizeFields()
    {
        const std::string longName(limits::kMaxUsernameBytes + 1, 'n');
        const std::string maxName(limits::kMaxUsernameBytes, 'n');
        checkClientRoundTrip(LoginRequest{maxName, "p"});
        expectClientError(error_code::kBadField, serialize(LoginRequest{longName, "p"}));
        expectClientError(error_code::kBadField, serialize(FriendAddRequest{"a", longName}));
        expectClientError(
            error_code::kBadField,
            serialize(LoginRequest{"a", std::string(limits::kMaxPasswordBytes + 1, 'p')}));
        const std::string maxText(limits::kMaxMessageTextBytes, 't');
        checkClientRoundTrip(Message{"a", "b", maxText});
        expectClientError(error_code::kTooLarge, serialize(Message{"a", "b", maxText + "t"}));
        // The text limit counts decoded bytes, not the escaped wire form.
        checkClientRoundTrip(Message{"a", "b", std::string(limits::kMaxMessageTextBytes, '&')});
        // A whole document above the document limit.
        expectClientError(error_code::kTooLarge,
                          R"(<ALIVE pad=")" + std::string(limits::kMaxImsDocumentBytes, 'x') +
                              R"("/>)");
    }

    void testMalformedXml()
    {
        for (const char* xml : {
                 R"(<MESSAGE from="a" to="b">hi</MESAGE>)",
                 R"(<STATUSLIST><STATUS id="0">x</STATUSLIST></STATUS>)",
                 R"(<LOGIN user="a" user="b" pass="p"/>)",
                 R"(<LOGIN user=a pass="p"/>)",
                 R"(<MESSAGE from="a" to="b">&undefined;</MESSAGE>)",
                 R"(<MESSAGE from="a" to="b">&#0;</MESSAGE>)",
                 "<MESSAGE from=\"a\" to=\"b\">\xC3\x28</MESSAGE>", // invalid UTF-8
                 R"(<MESSAGE from="a" to="b">unterminated)",
                 R"(<ALIVE/><ALIVE/>)",
                 R"(hello)",
                 "",
                 "  \n",
                 R"(<ALIVE/> trailing)",
                 R"(</ALIVE>)",
             })
            expectClientError(error_code::kBadXml, xml);
        expectServerError(error_code::kBadXml, R"(<FRIENDS><USER status="0">x</FRIENDS>)");
    }

    void testDeclarationsAndEntitiesAreRefused()
    {
        const std::string billionLaughs = R"(<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<MESSAGE from="a" to="b">&lol9;</MESSAGE>)";
        expectClientError(error_code::kBadXml, billionLaughs);
        expectServerError(error_code::kBadXml, billionLaughs);
        expectClientError(
            error_code::kBadXml,
            R"(<!DOCTYPE m [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><MESSAGE from="a" to="b">&xxe;</MESSAGE>)");
        expectClientError(error_code::kBadXml,
                          R"(<!DOCTYPE MESSAGE SYSTEM "http://example.invalid/x.dtd"><ALIVE/>)");
        expectClientError(error_code::kBadXml,
                          R"(<MESSAGE from="a" to="b"><!ENTITY x "y"></MESSAGE>)");
        expectClientError(error_code::kBadXml, R"(<ALIVE><!-- comment --></ALIVE>)");
        expectClientError(error_code::kBadXml, R"(<?xml-stylesheet href="x"?><ALIVE/>)");
        expectClientError(error_code::kBadXml, R"(<ALIVE><?php echo 1; ?></ALIVE>)");
        expectClientError(error_code::kBadXml,
                          R"(<?xml version="1.0"?><?xml version="1.0"?><ALIVE/>)");
    }

    void testParsesFromPocoElement()
    {
        Poco::XML::DOMParser parser;
        Poco::AutoPtr<Poco::XML::Document> document =
            parser.parseString(R"(<FRIEND user="a" type="add" friend="b"/>)");
        CPPUNIT_ASSERT(parseClientDocument(*document->documentElement()) ==
                       (ClientDocument{FriendAddRequest{"a", "b"}}));
        Poco::AutoPtr<Poco::XML::Document> response =
            parser.parseString(R"(<FRIEND type="add" result="0"/>)");
        CPPUNIT_ASSERT(parseServerDocument(*response->documentElement()) ==
                       (ServerDocument{FriendResponse{FriendAction::kAdd, FriendResult::kFailed}}));
    }

    void testDocumentKind()
    {
        CPPUNIT_ASSERT_EQUAL(std::string("STATUS set"),
                             std::string(documentKind(ClientDocument{StatusSetRequest{"a", 1}})));
        CPPUNIT_ASSERT_EQUAL(std::string("FRIEND request"),
                             std::string(documentKind(ClientDocument{FriendListRequest{"a"}})));
        CPPUNIT_ASSERT_EQUAL(std::string("FRIEND invite"),
                             std::string(documentKind(ServerDocument{FriendInvite{"a", "b"}})));
        CPPUNIT_ASSERT_EQUAL(
            std::string("MESSAGE result"),
            std::string(documentKind(ServerDocument{MessageResponse{MessageResult::kDelivered}})));
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(ImsDocumentTest);
