// How chats end or move: the operator's disassociate (spec 1.1.10, 2.6), the visitor's close,
// and the operator's deliberate disconnect (spec 1.1.7, 2.7), which requeues its chats at once.
#include "assertion_traits.h"
#include "core_harness.h"

#include <cppunit/extensions/HelperMacros.h>

using namespace ringdesk;
using namespace ringdesk::core;
using namespace ringdesk::core::testing;
using Strings = std::vector<std::string>;

class ChatEndTest : public CppUnit::TestFixture
{
    CPPUNIT_TEST_SUITE(ChatEndTest);
    CPPUNIT_TEST(testDisassociateEndsChat);
    CPPUNIT_TEST(testWritingAfterEndStartsNewChat);
    CPPUNIT_TEST(testVisitorCloseEndsConnectedChat);
    CPPUNIT_TEST(testVisitorCloseWhileRingingWithdrawsRing);
    CPPUNIT_TEST(testDisconnectRequeuesAtOnce);
    CPPUNIT_TEST(testDisconnectWithNobodyLeft);
    CPPUNIT_TEST_SUITE_END();

    struct Connected
    {
        CoreHarness h;
        ConnectionId alice = h.logIn("alice");
        ConnectionId bob = h.logIn("bob");
        CoreHarness::Chat chat = h.connectedChat(alice, "Ann", "Hello?");
        Connected() { h.output.clearPackets(); }
    };

public:
    void testDisassociateEndsChat()
    {
        Connected c;
        c.h.send(c.alice, nlchat::Disassociate{c.h.uuidOf(c.alice), c.chat.id});
        CPPUNIT_ASSERT_EQUAL((Strings{"ended"}), c.h.output.visitorStates(c.chat.visitor));
        CPPUNIT_ASSERT_EQUAL(c.chat.id, c.h.conversationOf(c.chat.visitor));
        CPPUNIT_ASSERT_EQUAL((Strings{"disassociate"}), c.h.output.operatorCommands(c.alice));
        const auto ended = c.h.output.lastToOperator<nlchat::Disassociate>(c.alice);
        CPPUNIT_ASSERT_EQUAL(c.chat.id, ended.id);
        CPPUNIT_ASSERT_EQUAL(c.h.uuidOf(c.alice), ended.uuid);
        CPPUNIT_ASSERT(!c.h.isLive(c.chat.id));
        CPPUNIT_ASSERT_EQUAL(std::size_t{0}, c.h.openChatsOf(c.alice));
        CPPUNIT_ASSERT_EQUAL(ConversationState::Ended, c.h.store.conversation(c.chat.id).state);
        CPPUNIT_ASSERT(c.h.output.operatorPackets(c.bob).empty());
    }

    void testWritingAfterEndStartsNewChat()
    {
        Connected c;
        c.h.send(c.alice, nlchat::Disassociate{c.h.uuidOf(c.alice), 0}); // its only chat
        CPPUNIT_ASSERT(!c.h.isLive(c.chat.id));
        c.h.visitorSays(c.chat.visitor, "One more thing");
        const std::int64_t next = c.h.conversationOf(c.chat.visitor);
        CPPUNIT_ASSERT(next != c.chat.id);
        CPPUNIT_ASSERT_EQUAL(ConversationState::Ringing, c.h.live(next).state);
        CPPUNIT_ASSERT_EQUAL(next, c.h.output.lastToOperator<nlchat::Ring>(c.alice).id);
        CPPUNIT_ASSERT_EQUAL(next, c.h.output.lastToOperator<nlchat::Ring>(c.bob).id);
    }

    void testVisitorCloseEndsConnectedChat()
    {
        Connected c;
        c.h.visitorSends(c.chat.visitor, visitor::Close{});
        CPPUNIT_ASSERT_EQUAL((Strings{"ended"}), c.h.output.visitorStates(c.chat.visitor));
        CPPUNIT_ASSERT_EQUAL(c.chat.id,
                             c.h.output.lastToOperator<nlchat::Disassociate>(c.alice).id);
        CPPUNIT_ASSERT_EQUAL(std::size_t{0},
                             c.h.output.countToOperator<nlchat::RingAckAck>(c.alice));
        CPPUNIT_ASSERT(!c.h.isLive(c.chat.id));
        CPPUNIT_ASSERT_EQUAL(std::size_t{0}, c.h.openChatsOf(c.alice));
        CPPUNIT_ASSERT_EQUAL(ConversationState::Ended, c.h.store.conversation(c.chat.id).state);
    }

    void testVisitorCloseWhileRingingWithdrawsRing()
    {
        CoreHarness h;
        const ConnectionId alice = h.logIn("alice");
        const ConnectionId bob = h.logIn("bob");
        const ConnectionId ann = h.visitorStartsChat("Ann", "Hello?");
        const std::int64_t id = h.conversationOf(ann);
        h.visitorSends(ann, visitor::Close{});
        for (ConnectionId op : {alice, bob}) {
            CPPUNIT_ASSERT_EQUAL(std::size_t{1}, h.output.countToOperator<nlchat::RingAckAck>(op));
            const auto withdrawn = h.output.lastToOperator<nlchat::RingAckAck>(op);
            CPPUNIT_ASSERT_EQUAL(std::string(), withdrawn.uuid);
            CPPUNIT_ASSERT_EQUAL(id, withdrawn.id);
            CPPUNIT_ASSERT_EQUAL(std::size_t{0},
                                 h.output.countToOperator<nlchat::Disassociate>(op));
        }
        CPPUNIT_ASSERT_EQUAL((Strings{"ringing", "ended"}), h.output.visitorStates(ann));
        CPPUNIT_ASSERT(!h.isLive(id));
        CPPUNIT_ASSERT_EQUAL(ConversationState::Ended, h.store.conversation(id).state);
        // A ringACK that crossed the withdrawal finds nothing.
        h.ringAck(alice, id);
        CPPUNIT_ASSERT_EQUAL(std::size_t{0}, h.openChatsOf(alice));
    }

    void testDisconnectRequeuesAtOnce()
    {
        Connected c;
        c.h.send(c.alice, nlchat::Disconnect{c.h.uuidOf(c.alice)});
        CPPUNIT_ASSERT(c.h.output.isClosed(c.alice));
        CPPUNIT_ASSERT(!c.h.hasOperatorSession(c.alice));
        // No grace period, no tick: bob is rung now, alice is not.
        CPPUNIT_ASSERT_EQUAL(ConversationState::Ringing, c.h.live(c.chat.id).state);
        CPPUNIT_ASSERT_EQUAL(c.chat.id, c.h.output.lastToOperator<nlchat::Ring>(c.bob).id);
        CPPUNIT_ASSERT_EQUAL(std::string("Hello?"),
                             c.h.output.lastToOperator<nlchat::Ring>(c.bob).text);
        CPPUNIT_ASSERT_EQUAL(std::size_t{0}, c.h.output.countToOperator<nlchat::Ring>(c.alice));
        CPPUNIT_ASSERT_EQUAL((Strings{"ringing"}), c.h.output.visitorStates(c.chat.visitor));
        CPPUNIT_ASSERT_EQUAL(ConversationState::Ringing, c.h.store.conversation(c.chat.id).state);
    }

    void testDisconnectWithNobodyLeft()
    {
        CoreHarness h;
        const ConnectionId alice = h.logIn("alice");
        const auto chat = h.connectedChat(alice, "Ann", "Hello?");
        h.send(alice, nlchat::Disconnect{h.uuidOf(alice)});
        CPPUNIT_ASSERT_EQUAL(std::string(visitor::state::kNoOperator),
                             h.output.visitorStates(chat.visitor).back());
        CPPUNIT_ASSERT(!h.isLive(chat.id));
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(ChatEndTest);
