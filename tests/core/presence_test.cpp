// Presence (specs/nlchat-protocol.txt 2.4): a silent operator is probed, dropped when it does
// not answer, and its chats wait one grace period for the same user to come back before they
// are rung again (specs/README.md: the original cached messages for a returning client).
#include "assertion_traits.h"
#include "core_harness.h"

#include <cppunit/extensions/HelperMacros.h>

using namespace ringdesk;
using namespace ringdesk::core;
using namespace ringdesk::core::testing;
using namespace std::chrono_literals;
using Strings = std::vector<std::string>;

class PresenceTest : public CppUnit::TestFixture
{
    CPPUNIT_TEST_SUITE(PresenceTest);
    CPPUNIT_TEST(testSilentOperatorIsProbed);
    CPPUNIT_TEST(testProbeAckResetsTimer);
    CPPUNIT_TEST(testNoProbeAckDropsOperator);
    CPPUNIT_TEST(testClosedConnectionStartsGrace);
    CPPUNIT_TEST(testMessagesDuringGraceAreStored);
    CPPUNIT_TEST(testReturnWithinGraceResumes);
    CPPUNIT_TEST(testGraceExpiryRingsOthers);
    CPPUNIT_TEST(testReturnAfterGraceIsOfferedRing);
    CPPUNIT_TEST(testReconnectBeforeOldConnectionIsDropped);
    CPPUNIT_TEST_SUITE_END();

    // alice has Ann's chat; bob is logged in too and always answers probes.
    struct Chatting
    {
        CoreHarness h;
        ConnectionId alice = h.logIn("alice");
        ConnectionId bob = h.logIn("bob");
        CoreHarness::Chat chat = h.connectedChat(alice, "Ann", "one");

        // alice stops answering: probed after probeAfter, dropped dropAfter later.
        void dropAlice()
        {
            h.advanceKeeping(h.settings.probeAfter + h.settings.dropAfter, {bob});
            if (!h.output.isClosed(alice))
                throw std::logic_error("alice was not dropped");
        }
    };

public:
    void testSilentOperatorIsProbed()
    {
        CoreHarness h;
        const ConnectionId alice = h.logIn("alice");
        h.advance(h.settings.probeAfter - 1ms);
        CPPUNIT_ASSERT_EQUAL(std::size_t{0}, h.output.countToOperator<nlchat::Probe>(alice));
        h.advance(1ms);
        CPPUNIT_ASSERT_EQUAL(std::size_t{1}, h.output.countToOperator<nlchat::Probe>(alice));
        CPPUNIT_ASSERT_EQUAL(h.uuidOf(alice), h.output.lastToOperator<nlchat::Probe>(alice).uuid);
        // One probe per silence, however often the timers run.
        for (int i = 0; i < 10; ++i)
            h.advance(100ms);
        CPPUNIT_ASSERT_EQUAL(std::size_t{1}, h.output.countToOperator<nlchat::Probe>(alice));
        CPPUNIT_ASSERT(!h.output.isClosed(alice));
    }

    void testProbeAckResetsTimer()
    {
        CoreHarness h;
        const ConnectionId alice = h.logIn("alice");
        h.advance(h.settings.probeAfter);
        h.probeAck(alice);
        h.advance(h.settings.dropAfter);
        CPPUNIT_ASSERT(!h.output.isClosed(alice));
        CPPUNIT_ASSERT(h.hasOperatorSession(alice));
        // The next probe comes a full probeAfter after the probeACK.
        h.advance(h.settings.probeAfter - h.settings.dropAfter - 1ms);
        CPPUNIT_ASSERT_EQUAL(std::size_t{1}, h.output.countToOperator<nlchat::Probe>(alice));
        h.advance(1ms);
        CPPUNIT_ASSERT_EQUAL(std::size_t{2}, h.output.countToOperator<nlchat::Probe>(alice));
    }

    void testNoProbeAckDropsOperator()
    {
        Chatting c;
        c.h.advanceKeeping(c.h.settings.probeAfter, {c.bob});
        CPPUNIT_ASSERT_EQUAL(std::size_t{1}, c.h.output.countToOperator<nlchat::Probe>(c.alice));
        c.h.advanceKeeping(c.h.settings.dropAfter - 1ms, {c.bob});
        CPPUNIT_ASSERT(!c.h.output.isClosed(c.alice));
        CPPUNIT_ASSERT_EQUAL(ConversationState::Connected, c.h.live(c.chat.id).state);

        c.h.advanceKeeping(1ms, {c.bob});
        CPPUNIT_ASSERT(c.h.output.isClosed(c.alice));
        CPPUNIT_ASSERT(!c.h.hasOperatorSession(c.alice));
        CPPUNIT_ASSERT(c.h.hasOperatorSession(c.bob));
        CPPUNIT_ASSERT_EQUAL(ConversationState::Waiting, c.h.live(c.chat.id).state);
        CPPUNIT_ASSERT_EQUAL(ConversationState::Waiting, c.h.store.conversation(c.chat.id).state);
        CPPUNIT_ASSERT_EQUAL((Strings{"ringing", "connected", "waiting"}),
                             c.h.output.visitorStates(c.chat.visitor));
        const auto waiting = c.h.output.lastToVisitor<visitor::StateChange>(c.chat.visitor);
        CPPUNIT_ASSERT_EQUAL(c.chat.id, waiting.conversation);
        CPPUNIT_ASSERT_EQUAL(std::string("Alice"), waiting.operatorName);
        // The chat is alice's for the grace period: nobody else is rung.
        CPPUNIT_ASSERT_EQUAL(std::size_t{1}, c.h.output.countToOperator<nlchat::Ring>(c.bob));
    }

    void testClosedConnectionStartsGrace()
    {
        Chatting c;
        c.h.core.operatorClosed(c.alice);
        CPPUNIT_ASSERT(!c.h.hasOperatorSession(c.alice));
        CPPUNIT_ASSERT_EQUAL(ConversationState::Waiting, c.h.live(c.chat.id).state);
        CPPUNIT_ASSERT_EQUAL(std::string("waiting"),
                             c.h.output.visitorStates(c.chat.visitor).back());
    }

    void testMessagesDuringGraceAreStored()
    {
        Chatting c;
        c.dropAlice();
        c.h.output.clearPackets();
        c.h.visitorSays(c.chat.visitor, "Hello?");
        c.h.visitorSays(c.chat.visitor, "Still there?");
        const auto transcript = c.h.store.transcript(c.chat.id);
        CPPUNIT_ASSERT_EQUAL(std::size_t{3}, transcript.size());
        CPPUNIT_ASSERT_EQUAL(std::string("Still there?"), transcript[2].text);
        CPPUNIT_ASSERT_EQUAL(std::int64_t{3}, transcript[2].seq);
        CPPUNIT_ASSERT_EQUAL(std::size_t{2},
                             c.h.output.countToVisitor<visitor::ChatMessage>(c.chat.visitor));
        CPPUNIT_ASSERT(c.h.output.operatorPackets(c.bob).empty());
        CPPUNIT_ASSERT_EQUAL(ConversationState::Waiting, c.h.live(c.chat.id).state);
    }

    void testReturnWithinGraceResumes()
    {
        Chatting c;
        // alice read seq 1 (her probeACK confirms it), wrote seq 2, was sent seq 3 and then
        // went silent: seq 3 may be lost, seq 4 comes during the grace period.
        c.h.advanceKeeping(c.h.settings.probeAfter, {c.bob});
        c.h.probeAck(c.alice);
        c.h.operatorSays(c.alice, c.chat.id, "Let me check.");
        c.h.visitorSays(c.chat.visitor, "two");
        c.dropAlice();
        c.h.visitorSays(c.chat.visitor, "three");

        c.h.advanceKeeping(c.h.settings.grace - 1s, {c.bob});
        const ConnectionId back = c.h.logIn("alice");
        CPPUNIT_ASSERT_EQUAL(
            (Strings{"server_online", "status", "login", "ringACKACK", "msg", "msg"}),
            c.h.output.operatorCommands(back));
        const auto resumed = c.h.output.lastToOperator<nlchat::RingAckAck>(back);
        CPPUNIT_ASSERT(resumed.resumed);
        CPPUNIT_ASSERT_EQUAL(c.chat.id, resumed.id);
        CPPUNIT_ASSERT_EQUAL(c.h.uuidOf(back), resumed.uuid);
        CPPUNIT_ASSERT_EQUAL(std::string("Alice"), resumed.operatorName);
        const auto missed = c.h.output.toOperator<nlchat::Msg>(back);
        CPPUNIT_ASSERT_EQUAL(std::int64_t{3}, missed[0].seq);
        CPPUNIT_ASSERT_EQUAL((Strings{"two"}), missed[0].msg);
        CPPUNIT_ASSERT_EQUAL(std::int64_t{4}, missed[1].seq);
        CPPUNIT_ASSERT_EQUAL((Strings{"three"}), missed[1].msg);
        CPPUNIT_ASSERT_EQUAL(c.h.uuidOf(back), missed[1].uuid);

        CPPUNIT_ASSERT_EQUAL(ConversationState::Connected, c.h.live(c.chat.id).state);
        CPPUNIT_ASSERT_EQUAL(std::size_t{1}, c.h.openChatsOf(back));
        CPPUNIT_ASSERT_EQUAL(std::string("connected"),
                             c.h.output.visitorStates(c.chat.visitor).back());
        // Nobody else heard of it.
        CPPUNIT_ASSERT_EQUAL(std::size_t{1}, c.h.output.countToOperator<nlchat::Ring>(c.bob));
        // The chat goes on with the new connection.
        c.h.visitorSays(c.chat.visitor, "four");
        CPPUNIT_ASSERT_EQUAL(std::int64_t{5}, c.h.output.lastToOperator<nlchat::Msg>(back).seq);
        // The grace deadline no longer applies.
        c.h.advanceKeeping(c.h.settings.grace, {c.bob, back});
        CPPUNIT_ASSERT_EQUAL(ConversationState::Connected, c.h.live(c.chat.id).state);
    }

    void testGraceExpiryRingsOthers()
    {
        Chatting c;
        c.dropAlice();
        c.h.visitorSays(c.chat.visitor, "two");
        c.h.advanceKeeping(c.h.settings.grace - 1s, {c.bob});
        CPPUNIT_ASSERT_EQUAL(ConversationState::Waiting, c.h.live(c.chat.id).state);
        CPPUNIT_ASSERT_EQUAL(std::size_t{1}, c.h.output.countToOperator<nlchat::Ring>(c.bob));

        c.h.advanceKeeping(1s, {c.bob});
        CPPUNIT_ASSERT_EQUAL(std::size_t{2}, c.h.output.countToOperator<nlchat::Ring>(c.bob));
        const auto ring = c.h.output.lastToOperator<nlchat::Ring>(c.bob);
        CPPUNIT_ASSERT_EQUAL(c.chat.id, ring.id);
        CPPUNIT_ASSERT_EQUAL(std::string("one"), ring.text);
        CPPUNIT_ASSERT_EQUAL(ConversationState::Ringing, c.h.live(c.chat.id).state);
        CPPUNIT_ASSERT_EQUAL(std::string(), c.h.live(c.chat.id).operatorUsername);
        CPPUNIT_ASSERT_EQUAL(ConversationState::Ringing, c.h.store.conversation(c.chat.id).state);
        CPPUNIT_ASSERT_EQUAL((Strings{"ringing", "connected", "waiting", "ringing"}),
                             c.h.output.visitorStates(c.chat.visitor));

        // bob takes it and gets the visitor's side of the transcript.
        c.h.output.clearPackets();
        c.h.ringAck(c.bob, c.chat.id);
        CPPUNIT_ASSERT_EQUAL((Strings{"ringACKACK", "msg", "msg"}),
                             c.h.output.operatorCommands(c.bob));
        CPPUNIT_ASSERT_EQUAL(std::string("bob"), c.h.live(c.chat.id).operatorUsername);
        CPPUNIT_ASSERT_EQUAL(
            std::string("Bob"),
            c.h.output.lastToVisitor<visitor::StateChange>(c.chat.visitor).operatorName);
    }

    void testReturnAfterGraceIsOfferedRing()
    {
        Chatting c;
        c.dropAlice();
        c.h.advanceKeeping(c.h.settings.grace, {c.bob});
        const ConnectionId back = c.h.logIn("alice");
        CPPUNIT_ASSERT_EQUAL(std::size_t{0}, c.h.output.countToOperator<nlchat::RingAckAck>(back));
        CPPUNIT_ASSERT_EQUAL(c.chat.id, c.h.output.lastToOperator<nlchat::Ring>(back).id);
        CPPUNIT_ASSERT_EQUAL(ConversationState::Ringing, c.h.live(c.chat.id).state);
    }

    // Bug: an operator whose client reconnects before the server has noticed that the old
    // connection is dead (a network change: the new login comes first, the old socket is
    // closed or dropped by the probe later) does not get its chat back. resumeConversations
    // runs only at login, when the chat is still Connected to the old connection; when the old
    // one goes, the chat waits the whole grace period for a user who is already here and is
    // then rung to everybody.
    void testReconnectBeforeOldConnectionIsDropped()
    {
        Chatting c;
        const ConnectionId back = c.h.logIn("alice");
        c.h.core.operatorClosed(c.alice);
        CPPUNIT_ASSERT_EQUAL(ConversationState::Connected, c.h.live(c.chat.id).state);
        CPPUNIT_ASSERT_EQUAL(std::size_t{1}, c.h.openChatsOf(back));
        const auto resumed = c.h.output.lastToOperator<nlchat::RingAckAck>(back);
        CPPUNIT_ASSERT(resumed.resumed);
        CPPUNIT_ASSERT_EQUAL(c.chat.id, resumed.id);
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(PresenceTest);
