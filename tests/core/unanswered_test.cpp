// Chats nobody takes: no operator available at all, or nobody answering before the ring
// times out (specs/README.md: ringACKACK with an empty UUID), then the leave-a-message form.
#include "assertion_traits.h"
#include "core_harness.h"

#include "protocol/protocol_error.h"

#include <cppunit/extensions/HelperMacros.h>

using namespace ringdesk;
using namespace ringdesk::core;
using namespace ringdesk::core::testing;
using namespace std::chrono_literals;
using Strings = std::vector<std::string>;

class UnansweredTest : public CppUnit::TestFixture
{
    CPPUNIT_TEST_SUITE(UnansweredTest);
    CPPUNIT_TEST(testNoOperatorAtAll);
    CPPUNIT_TEST(testNoAvailableOperator);
    CPPUNIT_TEST(testRingOpenUntilTimeout);
    CPPUNIT_TEST(testRingTimeout);
    CPPUNIT_TEST(testRingAckAfterTimeoutIsRefused);
    CPPUNIT_TEST(testLeaveMessageAfterNoAnswer);
    CPPUNIT_TEST(testLeaveMessageAfterNoOperator);
    CPPUNIT_TEST(testWritingAgainStartsNewRing);
    CPPUNIT_TEST_SUITE_END();

public:
    void testNoOperatorAtAll()
    {
        CoreHarness h;
        const ConnectionId ann = h.visitorStartsChat("Ann", "Hello?");
        // At once, right after the echo: no tick, no waiting for a timeout.
        CPPUNIT_ASSERT_EQUAL((Strings{"welcome", "msg", "state"}), h.output.visitorKinds(ann));
        CPPUNIT_ASSERT_EQUAL((Strings{visitor::state::kNoOperator}), h.output.visitorStates(ann));
        const std::int64_t id = h.conversationOf(ann);
        CPPUNIT_ASSERT(!h.isLive(id));
        CPPUNIT_ASSERT_EQUAL(ConversationState::Unanswered, h.store.conversation(id).state);
        CPPUNIT_ASSERT_EQUAL(std::size_t{1}, h.store.transcript(id).size());
    }

    void testNoAvailableOperator()
    {
        CoreHarness h;
        const ConnectionId away = h.logIn("alice");
        h.core.operatorStatusChanged(away, status_code::kAway);
        h.connectOperator("uuid-not-logged-in");
        const ConnectionId ann = h.visitorStartsChat("Ann", "Hello?");
        CPPUNIT_ASSERT_EQUAL((Strings{visitor::state::kNoOperator}), h.output.visitorStates(ann));
    }

    void testRingOpenUntilTimeout()
    {
        CoreHarness h;
        const ConnectionId alice = h.logIn("alice");
        const ConnectionId ann = h.visitorStartsChat("Ann", "Hello?");
        const std::int64_t id = h.conversationOf(ann);
        h.advanceKeeping(h.settings.ringTimeout - 1ms, {alice});
        CPPUNIT_ASSERT_EQUAL(ConversationState::Ringing, h.live(id).state);
        CPPUNIT_ASSERT_EQUAL(std::size_t{0}, h.output.countToOperator<nlchat::RingAckAck>(alice));
        CPPUNIT_ASSERT_EQUAL((Strings{visitor::state::kRinging}), h.output.visitorStates(ann));
    }

    void testRingTimeout()
    {
        CoreHarness h;
        const ConnectionId alice = h.logIn("alice");
        const ConnectionId bob = h.logIn("bob");
        const ConnectionId away = h.logIn("carol");
        h.core.operatorStatusChanged(away, status_code::kAway);
        const ConnectionId ann = h.visitorStartsChat("Ann", "Hello?");
        const std::int64_t id = h.conversationOf(ann);

        h.advanceKeeping(h.settings.ringTimeout, {alice, bob, away});
        for (ConnectionId op : {alice, bob}) {
            CPPUNIT_ASSERT_EQUAL(std::size_t{1}, h.output.countToOperator<nlchat::RingAckAck>(op));
            const auto nobody = h.output.lastToOperator<nlchat::RingAckAck>(op);
            CPPUNIT_ASSERT_EQUAL(std::string(), nobody.uuid);
            CPPUNIT_ASSERT_EQUAL(id, nobody.id);
        }
        CPPUNIT_ASSERT_EQUAL(std::size_t{0}, h.output.countToOperator<nlchat::RingAckAck>(away));
        CPPUNIT_ASSERT_EQUAL((Strings{visitor::state::kRinging, visitor::state::kNoAnswer}),
                             h.output.visitorStates(ann));
        CPPUNIT_ASSERT_EQUAL(id, h.conversationOf(ann));
        CPPUNIT_ASSERT(!h.isLive(id));
        CPPUNIT_ASSERT_EQUAL(ConversationState::Unanswered, h.store.conversation(id).state);

        // Later ticks change nothing.
        h.advanceKeeping(h.settings.ringTimeout, {alice, bob, away});
        CPPUNIT_ASSERT_EQUAL(std::size_t{1}, h.output.countToOperator<nlchat::RingAckAck>(alice));
        CPPUNIT_ASSERT_EQUAL(std::size_t{2}, h.output.visitorStates(ann).size());
    }

    void testRingAckAfterTimeoutIsRefused()
    {
        CoreHarness h;
        const ConnectionId alice = h.logIn("alice");
        const std::int64_t id = h.conversationOf(h.visitorStartsChat("Ann", "Hello?"));
        h.advanceKeeping(h.settings.ringTimeout, {alice});
        h.ringAck(alice, id);
        CPPUNIT_ASSERT_EQUAL(std::string(protocol::error_code::kNoSuchChat),
                             h.output.lastToOperator<nlchat::Error>(alice).code);
        CPPUNIT_ASSERT_EQUAL(std::size_t{0}, h.openChatsOf(alice));
    }

    void testLeaveMessageAfterNoAnswer()
    {
        CoreHarness h;
        const ConnectionId alice = h.logIn("alice");
        const ConnectionId ann = h.visitorStartsChat("Ann", "Hello?");
        const std::int64_t id = h.conversationOf(ann);
        h.advanceKeeping(h.settings.ringTimeout, {alice});
        const std::int64_t now = h.clock.epochMs();
        h.visitorSends(ann, visitor::LeaveMessage{"Ann Lee", "ann@example.org", "Call me back"});

        CPPUNIT_ASSERT_EQUAL(std::string("left_message"), h.output.visitorKinds(ann).back());
        CPPUNIT_ASSERT(h.output.lastToVisitor<visitor::LeftMessage>(ann).ok);
        const auto& left = h.store.leftMessages();
        CPPUNIT_ASSERT_EQUAL(std::size_t{1}, left.size());
        CPPUNIT_ASSERT_EQUAL(id, left[0].conversationId);
        CPPUNIT_ASSERT_EQUAL(h.welcomeOf(ann).visitor, left[0].visitorId);
        CPPUNIT_ASSERT_EQUAL(std::string("Ann Lee"), left[0].name);
        CPPUNIT_ASSERT_EQUAL(std::string("ann@example.org"), left[0].email);
        CPPUNIT_ASSERT_EQUAL(std::string("Call me back"), left[0].text);
        CPPUNIT_ASSERT_EQUAL(now, left[0].createdMs);
    }

    void testLeaveMessageAfterNoOperator()
    {
        CoreHarness h;
        const ConnectionId ann = h.visitorStartsChat("Ann", "Hello?");
        h.visitorSends(ann, visitor::LeaveMessage{"Ann", "", "Please write"});
        CPPUNIT_ASSERT(h.output.lastToVisitor<visitor::LeftMessage>(ann).ok);
        CPPUNIT_ASSERT_EQUAL(std::size_t{1}, h.store.leftMessages().size());
        CPPUNIT_ASSERT_EQUAL(h.conversationOf(ann), h.store.leftMessages()[0].conversationId);
    }

    void testWritingAgainStartsNewRing()
    {
        CoreHarness h;
        const ConnectionId ann = h.visitorStartsChat("Ann", "Hello?");
        const std::int64_t first = h.conversationOf(ann);
        const ConnectionId alice = h.logIn("alice");
        h.visitorSays(ann, "Anyone now?");
        const std::int64_t second = h.conversationOf(ann);
        CPPUNIT_ASSERT(second != first);
        CPPUNIT_ASSERT_EQUAL(second, h.output.lastToOperator<nlchat::Ring>(alice).id);
        CPPUNIT_ASSERT_EQUAL(std::string("Anyone now?"),
                             h.output.lastToOperator<nlchat::Ring>(alice).text);
        // A new conversation numbers its messages from 1 again.
        CPPUNIT_ASSERT_EQUAL(std::int64_t{1},
                             h.output.lastToVisitor<visitor::ChatMessage>(ann).seq);
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(UnansweredTest);
