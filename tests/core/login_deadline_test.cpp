// The login deadline (docs/configuration.md, "Connections per address and the login
// deadline"): an operator connection that has not logged in loginTimeout after connecting is
// told and closed, even while it answers probes; logged-in operators, and in anonymous mode
// those that sent `key`, are not.
#include "assertion_traits.h"
#include "core_harness.h"

#include "protocol/protocol_error.h"

#include <cppunit/extensions/HelperMacros.h>

using namespace ringdesk;
using namespace ringdesk::core;
using namespace ringdesk::core::testing;
using namespace std::chrono_literals;

class LoginDeadlineTest : public CppUnit::TestFixture
{
    CPPUNIT_TEST_SUITE(LoginDeadlineTest);
    CPPUNIT_TEST(testConnectionWithoutLoginIsClosedAtTheDeadline);
    CPPUNIT_TEST(testLoggedInOperatorOutlivesTheDeadline);
    CPPUNIT_TEST(testAnonymousOperatorWithKeyIsAdmitted);
    CPPUNIT_TEST(testAnonymousConnectionWithoutKeyIsClosed);
    CPPUNIT_TEST_SUITE_END();

    static CoreSettings withDeadline(bool anonymous = false)
    {
        CoreSettings settings;
        settings.loginTimeout = 20s;
        settings.allowAnonymousOperators = anonymous;
        return settings;
    }

public:
    void testConnectionWithoutLoginIsClosedAtTheDeadline()
    {
        CoreHarness h(withDeadline());
        const ConnectionId op = h.connectOperator("uuid-lurker"); // key, never login
        h.advanceKeeping(20s - 1ms, {op}, 500ms);                 // answers every probe
        CPPUNIT_ASSERT(!h.output.isClosed(op));
        h.advanceKeeping(1ms, {op}, 1ms);
        CPPUNIT_ASSERT(h.output.isClosed(op));
        const auto error = h.output.lastToOperator<nlchat::Error>(op);
        CPPUNIT_ASSERT_EQUAL(std::string(protocol::error_code::kNotLoggedIn), error.code);
        CPPUNIT_ASSERT_EQUAL(std::string("login"), error.ref);
        CPPUNIT_ASSERT_EQUAL(std::string("no login within 20 s"), error.message);
        CPPUNIT_ASSERT(!h.hasOperatorSession(op));
    }

    void testLoggedInOperatorOutlivesTheDeadline()
    {
        CoreHarness h(withDeadline());
        const ConnectionId alice = h.logIn("alice");
        h.advanceKeeping(60s, {alice});
        CPPUNIT_ASSERT(!h.output.isClosed(alice));
        CPPUNIT_ASSERT(h.hasOperatorSession(alice));
    }

    void testAnonymousOperatorWithKeyIsAdmitted()
    {
        CoreHarness h(withDeadline(true));
        const ConnectionId op = h.connectOperator("uuid-original-client");
        h.advanceKeeping(60s, {op});
        CPPUNIT_ASSERT(!h.output.isClosed(op));
    }

    void testAnonymousConnectionWithoutKeyIsClosed()
    {
        CoreHarness h(withDeadline(true));
        const ConnectionId op = h.nextConnection();
        h.core.operatorConnected(op);
        for (int i = 0; i < 40; ++i) { // keeps the probes answered without sending key
            h.core.operatorPacket(op, nlchat::ProbeAck{""});
            h.advance(500ms);
        }
        CPPUNIT_ASSERT(h.output.isClosed(op));
        CPPUNIT_ASSERT_EQUAL(std::string(protocol::error_code::kNotLoggedIn),
                             h.output.lastToOperator<nlchat::Error>(op).code);
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(LoginDeadlineTest);
