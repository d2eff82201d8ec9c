// Plain operator connections (operator_endpoint::OperatorStream) over a socket pair, with the
// real dispatcher, core and stores on a manual clock (front_end_harness.h): login, refusals,
// an overlong line, and the timers the core runs for operators — ring timeout and the
// presence probe — without waiting for them.

#include "front_end_harness.h"
#include "wire.h"

#include "protocol/protocol_error.h"

#include <cppunit/extensions/HelperMacros.h>

namespace ringdesk::front_end_tests {
namespace {

using std::chrono::milliseconds;

/// Connects an operator, sends its key and login, and waits for the answer.
test_support::PeerSocket loggedInOperator(FrontEndHarness& harness, const std::string& username,
                                          const std::string& password)
{
    test_support::PeerSocket peer = harness.connectOperator();
    sendPacket(peer, nlchat::Key{"uuid-" + username, {}});
    sendPacket(peer, nlchat::Login{username, password, -1, {}});
    const nlchat::Login answer = awaitPacket<nlchat::Login>(peer);
    CPPUNIT_ASSERT_EQUAL(static_cast<int>(nlchat::LoginResult::kOk), answer.result);
    return peer;
}

/// A visitor who said hello and wrote `text`, so that the logged-in operators are rung.
test_support::PeerSocket ringingVisitor(FrontEndHarness& harness, const std::string& name, const std::string& text)
{
    test_support::PeerSocket visitorPeer = harness.connectVisitor();
    sendVisitor(visitorPeer, visitor::Hello{{}, 0, name, {}});
    awaitVisitor<visitor::Welcome>(visitorPeer);
    sendVisitor(visitorPeer, visitor::SendMsg{text});
    return visitorPeer;
}

FrontEndHarness::Settings ringTimeoutOf(milliseconds timeout)
{
    FrontEndHarness::Settings settings;
    settings.core.ringTimeout = timeout;
    return settings;
}

} // namespace

class OperatorStreamTest : public CppUnit::TestFixture
{
    CPPUNIT_TEST_SUITE(OperatorStreamTest);
    CPPUNIT_TEST(testLoginOverTheStream);
    CPPUNIT_TEST(testWrongPasswordAndBrokenLineKeepTheConnection);
    CPPUNIT_TEST(testOverlongLineIsAnsweredThenClosed);
    CPPUNIT_TEST(testBanEndsOnTheManualClock);
    CPPUNIT_TEST(testRingTimesOutOnTheManualClock);
    CPPUNIT_TEST(testSilentOperatorIsProbedThenDropped);
    CPPUNIT_TEST_SUITE_END();

public:
    void testLoginOverTheStream()
    {
        FrontEndHarness harness;
        harness.addUser("ann", "ann-pw", "Ann Arbor");
        test_support::PeerSocket peer = harness.connectOperator();
        sendPacket(peer, nlchat::Login{"ann", "ann-pw", -1, {}});
        const nlchat::Login answer = awaitPacket<nlchat::Login>(peer);
        CPPUNIT_ASSERT_EQUAL(static_cast<int>(nlchat::LoginResult::kOk), answer.result);
        CPPUNIT_ASSERT_EQUAL(std::string("Ann Arbor"), answer.displayName);
    }

    void testWrongPasswordAndBrokenLineKeepTheConnection()
    {
        FrontEndHarness harness;
        harness.addUser("ann", "ann-pw", "Ann Arbor");
        test_support::PeerSocket peer = harness.connectOperator();
        sendPacket(peer, nlchat::Login{"ann", "wrong", -1, {}});
        CPPUNIT_ASSERT_EQUAL(static_cast<int>(nlchat::LoginResult::kWrongCredentials),
                             awaitPacket<nlchat::Login>(peer).result);
        peer.send("{\"command\": \n");
        CPPUNIT_ASSERT_EQUAL(std::string(protocol::error_code::kBadJson), awaitPacket<nlchat::Error>(peer).code);
        sendPacket(peer, nlchat::Login{"ann", "ann-pw", -1, {}});
        CPPUNIT_ASSERT_EQUAL(static_cast<int>(nlchat::LoginResult::kOk), awaitPacket<nlchat::Login>(peer).result);
    }

    void testOverlongLineIsAnsweredThenClosed()
    {
        FrontEndHarness harness;
        test_support::PeerSocket peer = harness.connectOperator();
        peer.send(std::string(100 * 1024, 'x'));
        CPPUNIT_ASSERT_EQUAL(std::string(protocol::error_code::kTooLarge), awaitPacket<nlchat::Error>(peer).code);
        CPPUNIT_ASSERT(peer.readUntilClosed().has_value());
    }

    void testBanEndsOnTheManualClock()
    {
        FrontEndHarness harness;
        harness.addUser("ann", "ann-pw", "Ann Arbor");
        harness.banUser("ann", harness.clock().epochMs() + 2000);
        test_support::PeerSocket peer = harness.connectOperator();
        sendPacket(peer, nlchat::Login{"ann", "ann-pw", -1, {}});
        CPPUNIT_ASSERT_EQUAL(static_cast<int>(nlchat::LoginResult::kBanned),
                             awaitPacket<nlchat::Login>(peer).result);
        harness.advance(milliseconds(2000));
        sendPacket(peer, nlchat::Login{"ann", "ann-pw", -1, {}});
        CPPUNIT_ASSERT_EQUAL(static_cast<int>(nlchat::LoginResult::kOk), awaitPacket<nlchat::Login>(peer).result);
    }

    // Replaces the 3 s wait of the integration test's ring timeout: the ring closes for every
    // operator rung, and the visitor is told nobody answered, once the manual clock passed it.
    void testRingTimesOutOnTheManualClock()
    {
        FrontEndHarness harness(ringTimeoutOf(milliseconds(3000)));
        harness.addUser("jack", "jack-pw", "Jack Jones");
        harness.addUser("kate", "kate-pw", "Kate Kim");
        test_support::PeerSocket jack = loggedInOperator(harness, "jack", "jack-pw");
        test_support::PeerSocket kate = loggedInOperator(harness, "kate", "kate-pw");
        test_support::PeerSocket mia = ringingVisitor(harness, "Mia", "anybody there?");
        const std::int64_t id = awaitPacket<nlchat::Ring>(jack).id;
        CPPUNIT_ASSERT_EQUAL(id, awaitPacket<nlchat::Ring>(kate).id);

        harness.advance(milliseconds(2999));
        harness.advance(milliseconds(1));
        for (test_support::PeerSocket* rung : {&jack, &kate}) {
            const nlchat::RingAckAck closed = awaitPacket<nlchat::RingAckAck>(*rung);
            CPPUNIT_ASSERT_EQUAL(id, closed.id);
            CPPUNIT_ASSERT_EQUAL(std::string(), closed.uuid); // empty: timed out
        }
        for (;;) {
            const visitor::StateChange state = awaitVisitor<visitor::StateChange>(mia);
            if (state.state == visitor::state::kNoAnswer)
                break;
        }
    }

    // The presence probe (spec 2.4) on the manual clock: a silent operator is probed, and
    // dropped when no probeACK follows.
    void testSilentOperatorIsProbedThenDropped()
    {
        FrontEndHarness::Settings settings;
        settings.core.probeAfter = milliseconds(7000);
        settings.core.dropAfter = milliseconds(3000);
        FrontEndHarness harness(settings);
        harness.addUser("ann", "ann-pw", "Ann Arbor");
        harness.addUser("bob", "bob-pw", "Bob Burns");
        test_support::PeerSocket ann = loggedInOperator(harness, "ann", "ann-pw");
        test_support::PeerSocket bob = loggedInOperator(harness, "bob", "bob-pw");

        harness.advance(milliseconds(7000));
        awaitPacket<nlchat::Probe>(ann);
        awaitPacket<nlchat::Probe>(bob);
        sendPacket(bob, nlchat::ProbeAck{"uuid-bob"});
        // Lines are handled in order: once the refusal of the next one is here, the probeACK
        // was posted to the core.
        peerStillAnswers(bob);
        harness.advance(milliseconds(3000));
        CPPUNIT_ASSERT_MESSAGE("the silent operator is dropped", ann.readUntilClosed().has_value());
        // Bob answered: still connected, and the server still answers him.
        peerStillAnswers(bob);
    }

private:
    static void peerStillAnswers(test_support::PeerSocket& peer)
    {
        peer.send("{\n");
        CPPUNIT_ASSERT_EQUAL(std::string(protocol::error_code::kBadJson), awaitPacket<nlchat::Error>(peer).code);
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(OperatorStreamTest);

} // namespace ringdesk::front_end_tests
