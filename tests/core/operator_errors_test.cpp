// Operator packets the core refuses, each with an error packet (docs/protocol.md, `error`;
// codes from protocol/protocol_error.h) and no change of state.
#include "assertion_traits.h"
#include "core_harness.h"

#include "protocol/protocol_error.h"

#include <cppunit/extensions/HelperMacros.h>

using namespace ringdesk;
using namespace ringdesk::core;
using namespace ringdesk::core::testing;
namespace code = ringdesk::protocol::error_code;
using Strings = std::vector<std::string>;

class OperatorErrorsTest : public CppUnit::TestFixture
{
    CPPUNIT_TEST_SUITE(OperatorErrorsTest);
    CPPUNIT_TEST(testRingAckForUnknownRing);
    CPPUNIT_TEST(testPacketsBeforeLoginAreRefused);
    CPPUNIT_TEST(testKeyAndProbeAckNeedNoLogin);
    CPPUNIT_TEST(testRefusedLoginIsAnswered);
    CPPUNIT_TEST(testMsgWithoutIdWithTwoChats);
    CPPUNIT_TEST(testMsgWithoutIdWithNoChat);
    CPPUNIT_TEST(testMsgToSomeoneElsesChat);
    CPPUNIT_TEST(testRingAckAtChatLimit);
    CPPUNIT_TEST(testServerCommandFromClient);
    CPPUNIT_TEST_SUITE_END();

    static void assertError(const CoreHarness& h, ConnectionId op, const char* errorCode,
                            const char* ref)
    {
        const auto error = h.output.lastToOperator<nlchat::Error>(op);
        CPPUNIT_ASSERT_EQUAL(std::string(errorCode), error.code);
        CPPUNIT_ASSERT_EQUAL(std::string(ref), error.ref);
        CPPUNIT_ASSERT(!error.message.empty());
    }

public:
    void testRingAckForUnknownRing()
    {
        CoreHarness h;
        const ConnectionId alice = h.logIn("alice");
        h.output.clearPackets();
        h.ringAck(alice, 4711);
        CPPUNIT_ASSERT_EQUAL((Strings{"error"}), h.output.operatorCommands(alice));
        assertError(h, alice, code::kNoSuchChat, "ringACK");
        CPPUNIT_ASSERT_EQUAL(std::size_t{0}, h.openChatsOf(alice));
    }

    void testPacketsBeforeLoginAreRefused()
    {
        CoreHarness h;
        h.logIn("bob");
        const std::int64_t id = h.conversationOf(h.visitorStartsChat("Ann", "Hi"));
        const ConnectionId anonymous = h.connectOperator("uuid-anonymous");
        h.output.clearPackets();

        h.ringAck(anonymous, id);
        assertError(h, anonymous, code::kNotLoggedIn, "ringACK");
        h.send(anonymous, nlchat::Msg{{"hi"}, nlchat::Direction::Out, "uuid-anonymous", id, 0, 0});
        assertError(h, anonymous, code::kNotLoggedIn, "msg");
        h.send(anonymous,
               nlchat::ChatState{"uuid-anonymous", nlchat::Direction::Out, "composing", id});
        assertError(h, anonymous, code::kNotLoggedIn, "chat_state");
        h.send(anonymous, nlchat::Disassociate{"uuid-anonymous", id});
        assertError(h, anonymous, code::kNotLoggedIn, "disassociate");

        CPPUNIT_ASSERT_EQUAL((Strings{"error", "error", "error", "error"}),
                             h.output.operatorCommands(anonymous));
        CPPUNIT_ASSERT_EQUAL(ConversationState::Ringing, h.live(id).state);
        CPPUNIT_ASSERT_EQUAL(std::size_t{1}, h.store.transcript(id).size());
    }

    void testKeyAndProbeAckNeedNoLogin()
    {
        CoreHarness h;
        const ConnectionId anonymous = h.connectOperator("uuid-anonymous");
        h.probeAck(anonymous);
        h.send(anonymous, nlchat::Key{"uuid-anonymous", {}});
        CPPUNIT_ASSERT_EQUAL((Strings{"server_online", "status", "status"}),
                             h.output.operatorCommands(anonymous));
    }

    void testRefusedLoginIsAnswered()
    {
        CoreHarness h;
        const ConnectionId op = h.connectOperator("uuid-mallory");
        h.core.operatorLoginRefused(op, nlchat::LoginResult::kBanned);
        CPPUNIT_ASSERT_EQUAL(static_cast<int>(nlchat::LoginResult::kBanned),
                             h.output.lastToOperator<nlchat::Login>(op).result);
        h.visitorStartsChat("Ann", "Hi");
        CPPUNIT_ASSERT_EQUAL(std::size_t{0}, h.output.countToOperator<nlchat::Ring>(op));
    }

    void testMsgWithoutIdWithTwoChats()
    {
        CoreHarness h;
        const ConnectionId alice = h.logIn("alice");
        const auto ann = h.connectedChat(alice, "Ann");
        const auto ben = h.connectedChat(alice, "Ben");
        h.output.clearPackets();
        h.operatorSays(alice, 0, "Which of you?");
        assertError(h, alice, code::kMissingField, "msg");
        h.send(alice, nlchat::ChatState{h.uuidOf(alice), nlchat::Direction::Out, "composing", 0});
        assertError(h, alice, code::kMissingField, "chat_state");
        h.send(alice, nlchat::Disassociate{h.uuidOf(alice), 0});
        assertError(h, alice, code::kMissingField, "disassociate");
        CPPUNIT_ASSERT(h.output.visitorMessages(ann.visitor).empty());
        CPPUNIT_ASSERT(h.output.visitorMessages(ben.visitor).empty());
        CPPUNIT_ASSERT(h.isLive(ann.id) && h.isLive(ben.id));
        // With the ID it goes through.
        h.operatorSays(alice, ben.id, "Ben, hello.");
        CPPUNIT_ASSERT_EQUAL(std::string("Ben, hello."),
                             h.output.lastToVisitor<visitor::ChatMessage>(ben.visitor).text);
        CPPUNIT_ASSERT(h.output.visitorMessages(ann.visitor).empty());
    }

    void testMsgWithoutIdWithNoChat()
    {
        CoreHarness h;
        const ConnectionId alice = h.logIn("alice");
        h.operatorSays(alice, 0, "Hello?");
        assertError(h, alice, code::kMissingField, "msg");
    }

    void testMsgToSomeoneElsesChat()
    {
        CoreHarness h;
        const ConnectionId alice = h.logIn("alice");
        const ConnectionId bob = h.logIn("bob");
        const auto chat = h.connectedChat(alice, "Ann");
        h.output.clearPackets();
        h.operatorSays(bob, chat.id, "I am not alice");
        assertError(h, bob, code::kNoSuchChat, "msg");
        h.send(bob, nlchat::Disassociate{h.uuidOf(bob), chat.id});
        assertError(h, bob, code::kNoSuchChat, "disassociate");
        CPPUNIT_ASSERT(h.output.visitorMessages(chat.visitor).empty());
        CPPUNIT_ASSERT_EQUAL(ConversationState::Connected, h.live(chat.id).state);
    }

    void testRingAckAtChatLimit()
    {
        CoreSettings settings;
        settings.maxChatsPerOperator = 1;
        CoreHarness h(settings);
        const ConnectionId alice = h.logIn("alice");
        const ConnectionId bob = h.logIn("bob");
        // Both rung for Ben; alice takes Ann first, then tries Ben too.
        const ConnectionId ann = h.visitorStartsChat("Ann", "Hi");
        const ConnectionId ben = h.visitorStartsChat("Ben", "Hi");
        h.ringAck(alice, h.conversationOf(ann));
        h.ringAck(alice, h.conversationOf(ben));
        assertError(h, alice, code::kBadState, "ringACK");
        CPPUNIT_ASSERT_EQUAL(std::size_t{1}, h.openChatsOf(alice));
        CPPUNIT_ASSERT_EQUAL(ConversationState::Ringing, h.live(h.conversationOf(ben)).state);
        h.ringAck(bob, h.conversationOf(ben));
        CPPUNIT_ASSERT_EQUAL(std::string("bob"), h.live(h.conversationOf(ben)).operatorUsername);
    }

    void testServerCommandFromClient()
    {
        CoreHarness h;
        const ConnectionId alice = h.logIn("alice");
        h.send(alice, nlchat::Ring{1, "", 0, "", "", "", ""});
        assertError(h, alice, code::kUnknownType, "ring");
        h.send(alice, nlchat::ServerOnline{});
        assertError(h, alice, code::kUnknownType, "server_online");
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(OperatorErrorsTest);
