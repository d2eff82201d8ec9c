// The first ringACK wins the association (specs/nlchat-protocol.txt 1.1.2, 1.1.3, 2.2).
// The dispatcher serializes ringACKs that arrive at once, so "concurrent" here means two
// handler calls back to back with nothing in between.
#include "assertion_traits.h"
#include "core_harness.h"

#include <cppunit/extensions/HelperMacros.h>

using namespace ringdesk;
using namespace ringdesk::core;
using namespace ringdesk::core::testing;
using Strings = std::vector<std::string>;

class RingAckTest : public CppUnit::TestFixture
{
    CPPUNIT_TEST_SUITE(RingAckTest);
    CPPUNIT_TEST(testFirstRingAckMakesTheOnlyAssociation);
    CPPUNIT_TEST(testEveryOperatorLearnsTheWinner);
    CPPUNIT_TEST(testLoserLaterRingAckGetsWinnerRepeated);
    CPPUNIT_TEST(testVisitorSeesConnectedWithWinnerName);
    CPPUNIT_TEST(testRingMessagesReachWinnerRightAfterRingAckAck);
    CPPUNIT_TEST(testWinnerIsStored);
    CPPUNIT_TEST_SUITE_END();

    // alice, bob and carol are rung; Ann writes three messages while the ring is open; bob's
    // ringACK is processed just before carol's.
    struct Race
    {
        CoreHarness h;
        ConnectionId alice = h.logIn("alice");
        ConnectionId bob = h.logIn("bob", "Bob Jones");
        ConnectionId carol = h.logIn("carol");
        ConnectionId ann = 0;
        std::int64_t id = 0;

        Race()
        {
            ann = h.visitorStartsChat("Ann", "one");
            id = h.conversationOf(ann);
            h.visitorSays(ann, "two");
            h.visitorSays(ann, "three");
            h.ringAck(bob, id);
            h.ringAck(carol, id);
        }
    };

public:
    void testFirstRingAckMakesTheOnlyAssociation()
    {
        Race r;
        const ConversationInfo info = r.h.live(r.id);
        CPPUNIT_ASSERT_EQUAL(ConversationState::Connected, info.state);
        CPPUNIT_ASSERT_EQUAL(std::string("bob"), info.operatorUsername);
        CPPUNIT_ASSERT_EQUAL(std::size_t{1}, r.h.openChatsOf(r.bob));
        CPPUNIT_ASSERT_EQUAL(std::size_t{0}, r.h.openChatsOf(r.alice));
        CPPUNIT_ASSERT_EQUAL(std::size_t{0}, r.h.openChatsOf(r.carol));
        // The loser gets no error, no messages: only who won.
        CPPUNIT_ASSERT_EQUAL(std::size_t{0}, r.h.output.countToOperator<nlchat::Error>(r.carol));
        CPPUNIT_ASSERT_EQUAL(std::size_t{0}, r.h.output.countToOperator<nlchat::Msg>(r.carol));
    }

    void testEveryOperatorLearnsTheWinner()
    {
        Race r;
        // alice and bob hear it once; carol once from the association and once in answer to
        // her own ringACK. Every one names bob.
        CPPUNIT_ASSERT_EQUAL(std::size_t{1},
                             r.h.output.countToOperator<nlchat::RingAckAck>(r.alice));
        CPPUNIT_ASSERT_EQUAL(std::size_t{1}, r.h.output.countToOperator<nlchat::RingAckAck>(r.bob));
        CPPUNIT_ASSERT_EQUAL(std::size_t{2},
                             r.h.output.countToOperator<nlchat::RingAckAck>(r.carol));
        for (ConnectionId op : {r.alice, r.bob, r.carol})
            for (const auto& won : r.h.output.toOperator<nlchat::RingAckAck>(op)) {
                CPPUNIT_ASSERT_EQUAL(r.h.uuidOf(r.bob), won.uuid);
                CPPUNIT_ASSERT_EQUAL(r.id, won.id);
                CPPUNIT_ASSERT_EQUAL(std::string("Bob Jones"), won.operatorName);
                CPPUNIT_ASSERT(!won.resumed);
            }
    }

    void testLoserLaterRingAckGetsWinnerRepeated()
    {
        Race r;
        r.h.output.clearPackets();
        r.h.ringAck(r.alice, r.id);
        CPPUNIT_ASSERT_EQUAL((Strings{"ringACKACK"}), r.h.output.operatorCommands(r.alice));
        CPPUNIT_ASSERT_EQUAL(r.h.uuidOf(r.bob),
                             r.h.output.lastToOperator<nlchat::RingAckAck>(r.alice).uuid);
        CPPUNIT_ASSERT(r.h.output.operatorPackets(r.bob).empty());
        CPPUNIT_ASSERT(r.h.output.operatorPackets(r.carol).empty());
        CPPUNIT_ASSERT(r.h.output.visitorMessages(r.ann).empty());
        CPPUNIT_ASSERT_EQUAL(std::string("bob"), r.h.live(r.id).operatorUsername);
        CPPUNIT_ASSERT_EQUAL(std::size_t{0}, r.h.openChatsOf(r.alice));
    }

    void testVisitorSeesConnectedWithWinnerName()
    {
        Race r;
        CPPUNIT_ASSERT_EQUAL((Strings{"ringing", "connected"}), r.h.output.visitorStates(r.ann));
        const auto state = r.h.output.lastToVisitor<visitor::StateChange>(r.ann);
        CPPUNIT_ASSERT_EQUAL(r.id, state.conversation);
        CPPUNIT_ASSERT_EQUAL(std::string("Bob Jones"), state.operatorName);
    }

    void testRingMessagesReachWinnerRightAfterRingAckAck()
    {
        Race r;
        CPPUNIT_ASSERT_EQUAL((Strings{"server_online", "status", "login", "ring", "ringACKACK",
                                      "msg", "msg", "msg"}),
                             r.h.output.operatorCommands(r.bob));
        const auto msgs = r.h.output.toOperator<nlchat::Msg>(r.bob);
        const std::string texts[] = {"one", "two", "three"};
        CPPUNIT_ASSERT_EQUAL(std::size(texts), msgs.size());
        for (std::size_t i = 0; i < msgs.size(); ++i) {
            CPPUNIT_ASSERT_EQUAL(static_cast<std::int64_t>(i + 1), msgs[i].seq);
            CPPUNIT_ASSERT_EQUAL((Strings{texts[i]}), msgs[i].msg);
            CPPUNIT_ASSERT(msgs[i].io == nlchat::Direction::In);
            CPPUNIT_ASSERT_EQUAL(r.id, msgs[i].id);
            CPPUNIT_ASSERT_EQUAL(r.h.uuidOf(r.bob), msgs[i].uuid);
        }
    }

    void testWinnerIsStored()
    {
        Race r;
        const ConversationRecord record = r.h.store.conversation(r.id);
        CPPUNIT_ASSERT_EQUAL(ConversationState::Connected, record.state);
        CPPUNIT_ASSERT_EQUAL(std::string("bob"), record.operatorUsername);
        CPPUNIT_ASSERT_EQUAL(std::string("Bob Jones"), record.operatorDisplayName);
        CPPUNIT_ASSERT_EQUAL(std::int64_t{3}, record.lastSeq);
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(RingAckTest);
