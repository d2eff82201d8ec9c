// A visitor's first message rings every available operator at once
// (specs/nlchat-protocol.txt 1.1.1 and 2.2; specs/README.md for `time`).
#include "assertion_traits.h"
#include "core_harness.h"

#include <cppunit/extensions/HelperMacros.h>

using namespace ringdesk;
using namespace ringdesk::core;
using namespace ringdesk::core::testing;
using Strings = std::vector<std::string>;

class RingFanOutTest : public CppUnit::TestFixture
{
    CPPUNIT_TEST_SUITE(RingFanOutTest);
    CPPUNIT_TEST(testOperatorLoginSequence);
    CPPUNIT_TEST(testEveryLoggedInOperatorGetsExactlyOneRing);
    CPPUNIT_TEST(testRingTimeIsNowPlusOfferInEpochSeconds);
    CPPUNIT_TEST(testVisitorGetsWelcomeEchoAndRinging);
    CPPUNIT_TEST(testRingIsStored);
    CPPUNIT_TEST_SUITE_END();

public:
    void testOperatorLoginSequence()
    {
        CoreHarness h;
        const ConnectionId op = h.logIn("alice", "Alice Smith");
        // server_online greets the connection (1.1.12), key is answered with status (2.1).
        CPPUNIT_ASSERT_EQUAL((Strings{"server_online", "status", "login"}),
                             h.output.operatorCommands(op));
        const auto login = h.output.lastToOperator<nlchat::Login>(op);
        CPPUNIT_ASSERT_EQUAL(static_cast<int>(nlchat::LoginResult::kOk), login.result);
        CPPUNIT_ASSERT_EQUAL(std::string("alice"), login.username);
        CPPUNIT_ASSERT_EQUAL(std::string("Alice Smith"), login.displayName);
    }

    void testEveryLoggedInOperatorGetsExactlyOneRing()
    {
        CoreHarness h;
        const ConnectionId ops[] = {h.logIn("alice"), h.logIn("bob"), h.logIn("carol")};
        const ConnectionId ann = h.visitorHello("Ann", "https://shop.example/cart");
        const std::string visitorId = h.welcomeOf(ann).visitor;
        h.visitorSays(ann, "Hello, is my order shipped?");
        const std::int64_t id = h.conversationOf(ann);
        CPPUNIT_ASSERT(id > 0);

        for (ConnectionId op : ops) {
            CPPUNIT_ASSERT_EQUAL(std::size_t{1}, h.output.countToOperator<nlchat::Ring>(op));
            const auto ring = h.output.lastToOperator<nlchat::Ring>(op);
            CPPUNIT_ASSERT_EQUAL(id, ring.id);
            CPPUNIT_ASSERT_EQUAL(std::string(), ring.group);
            CPPUNIT_ASSERT_EQUAL(visitorId, ring.visitor);
            CPPUNIT_ASSERT_EQUAL(std::string("Ann"), ring.name);
            CPPUNIT_ASSERT_EQUAL(std::string("https://shop.example/cart"), ring.page);
            CPPUNIT_ASSERT_EQUAL(std::string("Hello, is my order shipped?"), ring.text);
        }
        CPPUNIT_ASSERT_EQUAL(std::size_t{3}, h.live(id).operatorsRung);
        CPPUNIT_ASSERT_EQUAL(ConversationState::Ringing, h.live(id).state);

        // A second message during the ring is no new ring.
        h.visitorSays(ann, "Anyone?");
        for (ConnectionId op : ops)
            CPPUNIT_ASSERT_EQUAL(std::size_t{1}, h.output.countToOperator<nlchat::Ring>(op));
    }

    void testRingTimeIsNowPlusOfferInEpochSeconds()
    {
        CoreHarness h;
        const ConnectionId op = h.logIn("alice");
        h.clock.advance(std::chrono::milliseconds(12'345)); // no tick: the operator stays
        const std::int64_t nowSeconds = h.clock.epochMs() / 1000;
        h.visitorStartsChat("Ann", "Hi");
        // 55 s after now (specs/README.md), in whole epoch seconds.
        CPPUNIT_ASSERT_EQUAL(nowSeconds + 55, h.output.lastToOperator<nlchat::Ring>(op).time);
    }

    void testVisitorGetsWelcomeEchoAndRinging()
    {
        CoreHarness h;
        h.logIn("alice");
        const ConnectionId ann = h.visitorHello("Ann", "https://shop.example/cart");
        const auto welcome = h.welcomeOf(ann);
        CPPUNIT_ASSERT_EQUAL(std::size_t{32}, welcome.token.size());
        CPPUNIT_ASSERT_EQUAL(std::string("v-"), welcome.visitor.substr(0, 2));
        CPPUNIT_ASSERT_EQUAL(std::int64_t{0}, welcome.conversation);
        CPPUNIT_ASSERT_EQUAL(std::string(visitor::state::kIdle), welcome.state);

        h.visitorSays(ann, "Hello, is my order shipped?");
        CPPUNIT_ASSERT_EQUAL((Strings{"welcome", "msg", "state"}), h.output.visitorKinds(ann));
        const auto echo = h.output.lastToVisitor<visitor::ChatMessage>(ann);
        CPPUNIT_ASSERT_EQUAL(std::int64_t{1}, echo.seq);
        CPPUNIT_ASSERT(!echo.fromOperator);
        CPPUNIT_ASSERT_EQUAL(std::string("Hello, is my order shipped?"), echo.text);
        CPPUNIT_ASSERT_EQUAL(h.clock.epochMs(), echo.ts);
        const auto state = h.output.lastToVisitor<visitor::StateChange>(ann);
        CPPUNIT_ASSERT_EQUAL(std::string(visitor::state::kRinging), state.state);
        CPPUNIT_ASSERT(state.conversation > 0);
    }

    void testRingIsStored()
    {
        CoreHarness h;
        h.logIn("alice");
        const ConnectionId ann = h.visitorStartsChat("Ann", "Hello");
        const std::int64_t id = h.conversationOf(ann);
        const ConversationRecord record = h.store.conversation(id);
        CPPUNIT_ASSERT_EQUAL(ConversationState::Ringing, record.state);
        CPPUNIT_ASSERT_EQUAL(h.welcomeOf(ann).visitor, record.visitorId);
        CPPUNIT_ASSERT_EQUAL(std::string("Ann"), record.visitorName);
        CPPUNIT_ASSERT_EQUAL(std::string("https://shop.example/cart"), record.page);
        CPPUNIT_ASSERT_EQUAL(std::int64_t{1}, record.lastSeq);
        const auto transcript = h.store.transcript(id);
        CPPUNIT_ASSERT_EQUAL(std::size_t{1}, transcript.size());
        CPPUNIT_ASSERT_EQUAL(std::string("Hello"), transcript[0].text);
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(RingFanOutTest);
