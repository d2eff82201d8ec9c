// msg and chat_state relayed both ways in a connected chat (specs/nlchat-protocol.txt 1.1.5,
// 1.1.11, 2.5: "in" toward the operator, "out" from it; docs/visitor-api.md for the visitor).
#include "assertion_traits.h"
#include "core_harness.h"

#include <cppunit/extensions/HelperMacros.h>

using namespace ringdesk;
using namespace ringdesk::core;
using namespace ringdesk::core::testing;
using Strings = std::vector<std::string>;

class RelayTest : public CppUnit::TestFixture
{
    CPPUNIT_TEST_SUITE(RelayTest);
    CPPUNIT_TEST(testVisitorMsgReachesOperatorAsIn);
    CPPUNIT_TEST(testVisitorChatStateReachesOperatorAsIn);
    CPPUNIT_TEST(testOperatorMsgReachesVisitorWithSeqAndName);
    CPPUNIT_TEST(testOperatorMsgWithSeveralBodies);
    CPPUNIT_TEST(testOperatorChatStateReachesVisitor);
    CPPUNIT_TEST(testMessagesStoredInOrder);
    CPPUNIT_TEST(testStoredLastSeqFollowsMessages);
    CPPUNIT_TEST(testTranscriptsOffRelaysWithoutStoringText);
    CPPUNIT_TEST(testOtherOperatorsSeeNothing);
    CPPUNIT_TEST_SUITE_END();

    struct Connected
    {
        explicit Connected(CoreSettings settings = {}) : h(settings) { h.output.clearPackets(); }
        CoreHarness h;
        ConnectionId alice = h.logIn("alice", "Alice Smith");
        ConnectionId bob = h.logIn("bob");
        CoreHarness::Chat chat = h.connectedChat(alice, "Ann", "Hello?");
    };

public:
    void testVisitorMsgReachesOperatorAsIn()
    {
        Connected c;
        c.h.visitorSays(c.chat.visitor, "Where is my order?");
        CPPUNIT_ASSERT_EQUAL((Strings{"msg"}), c.h.output.operatorCommands(c.alice));
        const auto msg = c.h.output.lastToOperator<nlchat::Msg>(c.alice);
        CPPUNIT_ASSERT_EQUAL((Strings{"Where is my order?"}), msg.msg);
        CPPUNIT_ASSERT(msg.io == nlchat::Direction::In);
        CPPUNIT_ASSERT_EQUAL(c.h.uuidOf(c.alice), msg.uuid);
        CPPUNIT_ASSERT_EQUAL(c.chat.id, msg.id);
        CPPUNIT_ASSERT_EQUAL(std::int64_t{2}, msg.seq);
        CPPUNIT_ASSERT_EQUAL(c.h.clock.epochMs(), msg.ts);
        // and the visitor sees its own message with the same seq
        const auto echo = c.h.output.lastToVisitor<visitor::ChatMessage>(c.chat.visitor);
        CPPUNIT_ASSERT_EQUAL(std::int64_t{2}, echo.seq);
        CPPUNIT_ASSERT(!echo.fromOperator);
    }

    void testVisitorChatStateReachesOperatorAsIn()
    {
        Connected c;
        c.h.visitorSends(c.chat.visitor, visitor::SendChatState{"composing"});
        c.h.visitorSends(c.chat.visitor, visitor::SendChatState{"paused"});
        const auto states = c.h.output.toOperator<nlchat::ChatState>(c.alice);
        CPPUNIT_ASSERT_EQUAL(std::size_t{2}, states.size());
        CPPUNIT_ASSERT_EQUAL(std::string("composing"), states[0].state);
        CPPUNIT_ASSERT_EQUAL(std::string("paused"), states[1].state);
        for (const auto& state : states) {
            CPPUNIT_ASSERT(state.io == nlchat::Direction::In);
            CPPUNIT_ASSERT_EQUAL(c.chat.id, state.id);
            CPPUNIT_ASSERT_EQUAL(c.h.uuidOf(c.alice), state.uuid);
        }
        // Typing is not stored.
        CPPUNIT_ASSERT_EQUAL(std::size_t{1}, c.h.store.transcript(c.chat.id).size());
    }

    void testOperatorMsgReachesVisitorWithSeqAndName()
    {
        Connected c;
        c.h.operatorSays(c.alice, c.chat.id, "Yes, this morning.");
        CPPUNIT_ASSERT_EQUAL((Strings{"msg"}), c.h.output.visitorKinds(c.chat.visitor));
        const auto msg = c.h.output.lastToVisitor<visitor::ChatMessage>(c.chat.visitor);
        CPPUNIT_ASSERT_EQUAL(std::int64_t{2}, msg.seq);
        CPPUNIT_ASSERT(msg.fromOperator);
        CPPUNIT_ASSERT_EQUAL(std::string("Alice Smith"), msg.operatorName);
        CPPUNIT_ASSERT_EQUAL(std::string("Yes, this morning."), msg.text);
        CPPUNIT_ASSERT_EQUAL(c.h.clock.epochMs(), msg.ts);
        // No error, no echo to the sender.
        CPPUNIT_ASSERT(c.h.output.operatorPackets(c.alice).empty());
    }

    void testOperatorMsgWithSeveralBodies()
    {
        Connected c;
        // 1.1.5: msg is a list of bodies; each becomes one message. With ID 0 the operator's
        // only chat is meant.
        c.h.send(
            c.alice,
            nlchat::Msg{
                {"First,", "", "second."}, nlchat::Direction::Out, c.h.uuidOf(c.alice), 0, 0, 0});
        const auto msgs = c.h.output.toVisitor<visitor::ChatMessage>(c.chat.visitor);
        CPPUNIT_ASSERT_EQUAL(std::size_t{2}, msgs.size());
        CPPUNIT_ASSERT_EQUAL(std::int64_t{2}, msgs[0].seq);
        CPPUNIT_ASSERT_EQUAL(std::string("First,"), msgs[0].text);
        CPPUNIT_ASSERT_EQUAL(std::int64_t{3}, msgs[1].seq);
        CPPUNIT_ASSERT_EQUAL(std::string("second."), msgs[1].text);
    }

    void testOperatorChatStateReachesVisitor()
    {
        Connected c;
        c.h.send(c.alice, nlchat::ChatState{c.h.uuidOf(c.alice), nlchat::Direction::Out,
                                            "composing", c.chat.id});
        CPPUNIT_ASSERT_EQUAL((Strings{"chat_state"}), c.h.output.visitorKinds(c.chat.visitor));
        CPPUNIT_ASSERT_EQUAL(
            std::string("composing"),
            c.h.output.lastToVisitor<visitor::OperatorChatState>(c.chat.visitor).state);
    }

    void testMessagesStoredInOrder()
    {
        Connected c;
        c.h.operatorSays(c.alice, c.chat.id, "Hi, I am Alice.");
        c.h.visitorSays(c.chat.visitor, "My order 42?");
        c.h.clock.advance(std::chrono::seconds(2));
        c.h.operatorSays(c.alice, c.chat.id, "Shipped.");
        c.h.visitorSays(c.chat.visitor, "Thanks!");

        const auto transcript = c.h.store.transcript(c.chat.id);
        CPPUNIT_ASSERT_EQUAL(std::size_t{5}, transcript.size());
        const std::string texts[] = {"Hello?", "Hi, I am Alice.", "My order 42?", "Shipped.",
                                     "Thanks!"};
        const bool fromOperator[] = {false, true, false, true, false};
        for (std::size_t i = 0; i < transcript.size(); ++i) {
            CPPUNIT_ASSERT_EQUAL(static_cast<std::int64_t>(i + 1), transcript[i].seq);
            CPPUNIT_ASSERT_EQUAL(texts[i], transcript[i].text);
            CPPUNIT_ASSERT_EQUAL(fromOperator[i], transcript[i].fromOperator);
            CPPUNIT_ASSERT_EQUAL(std::string(fromOperator[i] ? "Alice Smith" : ""),
                                 transcript[i].operatorName);
        }
        CPPUNIT_ASSERT(transcript[3].ts > transcript[2].ts);
    }

    // Bug: conversations.last_seq is written only when the state changes (Core::setState), so
    // after the first relayed message the stored row no longer names the last message. The
    // core recomputes it on restore, but the column is wrong for everybody else who reads it.
    void testStoredLastSeqFollowsMessages()
    {
        Connected c;
        c.h.operatorSays(c.alice, c.chat.id, "Hi, I am Alice.");
        c.h.visitorSays(c.chat.visitor, "My order 42?");
        CPPUNIT_ASSERT_EQUAL(std::int64_t{3}, c.h.store.conversation(c.chat.id).lastSeq);
    }

    // ringdesk.chat.storeTranscripts=false: the same relay and numbering, no text written.
    void testTranscriptsOffRelaysWithoutStoringText()
    {
        CoreSettings settings;
        settings.storeTranscripts = false;
        Connected c(settings);
        c.h.operatorSays(c.alice, c.chat.id, "Hi, I am Alice.");
        c.h.visitorSays(c.chat.visitor, "My order 42?");
        CPPUNIT_ASSERT_EQUAL(std::int64_t{3}, c.h.output.lastToOperator<nlchat::Msg>(c.alice).seq);
        CPPUNIT_ASSERT_EQUAL(std::string("Hi, I am Alice."),
                             c.h.output.toVisitor<visitor::ChatMessage>(c.chat.visitor).front().text);
        CPPUNIT_ASSERT(c.h.store.transcript(c.chat.id).empty());
        CPPUNIT_ASSERT_EQUAL(std::int64_t{3}, c.h.store.conversation(c.chat.id).lastSeq);
    }

    void testOtherOperatorsSeeNothing()
    {
        Connected c;
        c.h.visitorSays(c.chat.visitor, "Only for Alice");
        c.h.visitorSends(c.chat.visitor, visitor::SendChatState{"composing"});
        c.h.operatorSays(c.alice, c.chat.id, "Only for Ann");
        CPPUNIT_ASSERT(c.h.output.operatorPackets(c.bob).empty());
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(RelayTest);
