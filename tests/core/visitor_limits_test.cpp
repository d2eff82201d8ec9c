// Visitor limits per source address (docs/configuration.md, "Visitor limits"): new WebSockets
// and new conversations. One over the limit gets `error` `rate_limited` saying when to retry;
// other addresses are not affected; the limit refills with time.
#include "assertion_traits.h"
#include "core_harness.h"

#include "protocol/protocol_error.h"

#include <cppunit/extensions/HelperMacros.h>

using namespace ringdesk;
using namespace ringdesk::core;
using namespace ringdesk::core::testing;
using namespace std::chrono_literals;

class VisitorLimitsTest : public CppUnit::TestFixture
{
    CPPUNIT_TEST_SUITE(VisitorLimitsTest);
    CPPUNIT_TEST(testConnectionOverTheRateIsRefusedAndClosed);
    CPPUNIT_TEST(testConnectionRateRefillsAndIsPerAddress);
    CPPUNIT_TEST(testConversationOverTheRateIsRefusedAndNothingIsStored);
    CPPUNIT_TEST(testMessagesInAnOpenConversationAreNotCounted);
    CPPUNIT_TEST(testReloadAppliesNewLimits);
    CPPUNIT_TEST_SUITE_END();

    static CoreSettings limits()
    {
        CoreSettings settings;
        settings.visitorConnectionsPerAddress = RateLimit::perWindow(3, 60000); // 3 a minute
        settings.conversationsPerAddress = RateLimit::perWindow(2, 3600000);    // 2 an hour
        return settings;
    }

    static ConnectionId connect(CoreHarness& h, const std::string& address)
    {
        const ConnectionId visitor = h.nextConnection();
        h.core.visitorConnected(visitor, address);
        return visitor;
    }

    static ConnectionId hello(CoreHarness& h, const std::string& address, const std::string& name)
    {
        const ConnectionId visitor = connect(h, address);
        h.visitorSends(visitor, visitor::Hello{{}, 0, name, {}});
        return visitor;
    }

    static void assertRateLimited(CoreHarness& h, ConnectionId visitor, const std::string& message)
    {
        const auto error = h.output.lastToVisitor<visitor::ErrorReply>(visitor);
        CPPUNIT_ASSERT_EQUAL(std::string(protocol::error_code::kRateLimited), error.code);
        CPPUNIT_ASSERT_EQUAL(message, error.message);
    }

public:
    void testConnectionOverTheRateIsRefusedAndClosed()
    {
        CoreHarness h(limits());
        for (int i = 0; i < 3; ++i)
            CPPUNIT_ASSERT(!h.output.isClosed(connect(h, "198.51.100.1")));
        const ConnectionId fourth = connect(h, "198.51.100.1");
        assertRateLimited(h, fourth, "too many new connections from your address; retry in 20 s");
        CPPUNIT_ASSERT(h.output.isClosed(fourth));
        CPPUNIT_ASSERT_EQUAL(std::size_t{3}, h.core.visitorConnectionCount());
        // Its messages before the close are not acted on.
        h.visitorSends(fourth, visitor::Hello{{}, 0, "Mallory", {}});
        CPPUNIT_ASSERT_EQUAL(std::size_t{0}, h.output.countToVisitor<visitor::Welcome>(fourth));
        h.core.visitorClosed(fourth);
        CPPUNIT_ASSERT_EQUAL(std::size_t{3}, h.core.visitorConnectionCount());
    }

    void testConnectionRateRefillsAndIsPerAddress()
    {
        CoreHarness h(limits());
        for (int i = 0; i < 3; ++i)
            connect(h, "198.51.100.1");
        CPPUNIT_ASSERT(!h.output.isClosed(connect(h, "198.51.100.2")));
        CPPUNIT_ASSERT(h.output.isClosed(connect(h, "198.51.100.1")));
        h.advance(20s); // one connection's worth
        CPPUNIT_ASSERT(!h.output.isClosed(connect(h, "198.51.100.1")));
        CPPUNIT_ASSERT(h.output.isClosed(connect(h, "198.51.100.1")));
    }

    void testConversationOverTheRateIsRefusedAndNothingIsStored()
    {
        CoreHarness h(limits());
        const ConnectionId alice = h.logIn("alice");
        for (const char* name : {"Ann", "Ben"}) {
            const ConnectionId visitor = hello(h, "198.51.100.1", name);
            h.visitorSays(visitor, "hello");
            CPPUNIT_ASSERT_EQUAL(std::string("ringing"), h.output.visitorStates(visitor).back());
        }
        const std::size_t rings = h.output.countToOperator<nlchat::Ring>(alice);
        h.advanceKeeping(30s, {alice}); // a connection refilled, but the conversation limit is per hour
        const ConnectionId third = hello(h, "198.51.100.1", "Cat");
        h.visitorSays(third, "hello");
        assertRateLimited(h, third, "too many new conversations from your address; retry in 1770 s");
        CPPUNIT_ASSERT_EQUAL(std::size_t{0}, h.output.countToVisitor<visitor::ChatMessage>(third));
        CPPUNIT_ASSERT_EQUAL(rings, h.output.countToOperator<nlchat::Ring>(alice));
        CPPUNIT_ASSERT_EQUAL(std::size_t{2}, h.core.liveConversations().size());
        CPPUNIT_ASSERT(!h.output.isClosed(third)); // it may still leave a message, or wait
        // Another address is not affected.
        const ConnectionId other = hello(h, "198.51.100.2", "Dan");
        h.visitorSays(other, "hello");
        CPPUNIT_ASSERT_EQUAL(std::string("ringing"), h.output.visitorStates(other).back());
    }

    void testMessagesInAnOpenConversationAreNotCounted()
    {
        CoreHarness h(limits());
        const ConnectionId alice = h.logIn("alice");
        const CoreHarness::Chat chat = h.connectedChat(alice);
        for (int i = 0; i < 10; ++i)
            h.visitorSays(chat.visitor, "more " + std::to_string(i));
        CPPUNIT_ASSERT_EQUAL(std::size_t{0}, h.output.countToVisitor<visitor::ErrorReply>(chat.visitor));
        CPPUNIT_ASSERT_EQUAL(std::size_t{11}, h.output.countToVisitor<visitor::ChatMessage>(chat.visitor));
    }

    void testReloadAppliesNewLimits()
    {
        CoreHarness h(limits());
        CoreSettings tighter = limits();
        tighter.visitorConnectionsPerAddress = RateLimit::perWindow(1, 60000);
        h.core.updateSettings(tighter);
        CPPUNIT_ASSERT(!h.output.isClosed(connect(h, "198.51.100.1")));
        CPPUNIT_ASSERT(h.output.isClosed(connect(h, "198.51.100.1")));
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(VisitorLimitsTest);
