// IMS connections (ims_endpoint::ImsConnection, one reading thread each) over a socket pair,
// with the real dispatcher, core IM unit and stores on a manual clock (front_end_harness.h):
// the echo of every document, errors for unreadable ones, LOGIN with the slow check off the
// dispatcher, bans on the injected clock and the ALIVE timeout without waiting for it.

#include "front_end_harness.h"

#include "protocol/ims_stream_parser.h"
#include "server/store/password_hash.h"

#include <cppunit/extensions/HelperMacros.h>

namespace ringdesk::front_end_tests {
namespace {

using std::chrono::milliseconds;

/// The test's side of one IMS connection: whole documents in, whole documents out.
class ImsPeer
{
public:
    explicit ImsPeer(test_support::PeerSocket socket) : socket_(std::move(socket)) {}

    void send(const std::string& document) { socket_.send(document); }

    /// The next whole document; nullopt once the server closed the connection.
    std::optional<std::string> next()
    {
        for (;;) {
            if (std::optional<std::string> document = parser_.next())
                return document;
            const std::optional<std::string> bytes = socket_.readSome();
            if (!bytes)
                return std::nullopt;
            parser_.feed(bytes->data(), bytes->size());
        }
    }

    /// Sends `document` and checks that its exact bytes come back first.
    void sendExpectEcho(const std::string& document)
    {
        send(document);
        CPPUNIT_ASSERT_EQUAL(document, next().value_or("(closed)"));
    }

    /// LOGIN with the password's MD5; returns the server's answer.
    std::string login(const std::string& user, const std::string& password)
    {
        sendExpectEcho("<LOGIN user=\"" + user + "\" pass=\"" + store::md5Hex(password) + "\"/>");
        return next().value_or("(closed)");
    }

    bool closed() { return socket_.readUntilClosed().has_value(); }

private:
    test_support::PeerSocket socket_;
    ims::ImsStreamParser parser_;
};

std::string loginAnswer(const std::string& user, int result)
{
    return "<LOGIN user=\"" + user + "\" result=\"" + std::to_string(result) + "\"/>";
}

} // namespace

class ImsConnectionTest : public CppUnit::TestFixture
{
    CPPUNIT_TEST_SUITE(ImsConnectionTest);
    CPPUNIT_TEST(testLoginIsEchoedThenAnswered);
    CPPUNIT_TEST(testUnreadableDocumentGetsAnErrorAndTheConnectionStays);
    CPPUNIT_TEST(testBrokenStreamGetsAnErrorThenCloses);
    CPPUNIT_TEST(testBanEndsOnTheManualClock);
    CPPUNIT_TEST(testAliveTimeoutOnTheManualClock);
    CPPUNIT_TEST_SUITE_END();

public:
    void testLoginIsEchoedThenAnswered()
    {
        FrontEndHarness harness;
        harness.addUser("alice", "pa", "Alice");
        ImsPeer peer(harness.connectIms());
        CPPUNIT_ASSERT_EQUAL(loginAnswer("alice", 0), peer.login("alice", "wrong"));
        CPPUNIT_ASSERT_EQUAL(loginAnswer("alice", 1), peer.login("alice", "pa"));
    }

    void testUnreadableDocumentGetsAnErrorAndTheConnectionStays()
    {
        FrontEndHarness harness;
        harness.addUser("alice", "pa", "Alice");
        ImsPeer peer(harness.connectIms());
        peer.login("alice", "pa");
        peer.sendExpectEcho("<BOGUS/>");
        CPPUNIT_ASSERT_EQUAL(std::string("<ERROR code=\"unknown_type\">unknown IMS document BOGUS</ERROR>"),
                             peer.next().value_or("(closed)"));
        peer.sendExpectEcho("<STATUS user=\"alice\" type=\"get\"/>");
        CPPUNIT_ASSERT_EQUAL(std::string("<STATUS type=\"get\" result=\"0\"/>"), peer.next().value_or("(closed)"));
    }

    void testBrokenStreamGetsAnErrorThenCloses()
    {
        FrontEndHarness harness;
        ImsPeer peer(harness.connectIms());
        peer.send("<!DOCTYPE x [<!ENTITY a \"b\">]><x>&a;</x>");
        const std::string error = peer.next().value_or("(closed)");
        CPPUNIT_ASSERT_MESSAGE(error, error.rfind("<ERROR code=\"bad_xml\">", 0) == 0);
        CPPUNIT_ASSERT(peer.closed());
    }

    void testBanEndsOnTheManualClock()
    {
        FrontEndHarness harness;
        harness.addUser("carol", "pc", "Carol");
        // Ten seconds: within the ALIVE timeout, so the connection stays for the second try.
        harness.banUser("carol", harness.clock().epochMs() + 10'000);
        ImsPeer peer(harness.connectIms());
        CPPUNIT_ASSERT_EQUAL(loginAnswer("carol", 2), peer.login("carol", "pc"));
        harness.advance(milliseconds(9'999));
        CPPUNIT_ASSERT_EQUAL(loginAnswer("carol", 2), peer.login("carol", "pc"));
        harness.advance(milliseconds(1));
        CPPUNIT_ASSERT_EQUAL(loginAnswer("carol", 1), peer.login("carol", "pc"));
    }

    // Replaces the 1.5 s wait of the end-to-end ALIVE test (which keeps a short one to prove
    // the setting reaches the server): silent for the timeout, the connection is closed.
    void testAliveTimeoutOnTheManualClock()
    {
        FrontEndHarness::Settings settings;
        settings.im.aliveTimeout = milliseconds(15'000);
        FrontEndHarness harness(settings);
        harness.addUser("alice", "pa", "Alice");
        harness.addUser("bob", "pb", "Bob");
        ImsPeer silent(harness.connectIms());
        ImsPeer talking(harness.connectIms());
        silent.login("alice", "pa");
        talking.login("bob", "pb");

        harness.advance(milliseconds(14'000));
        talking.sendExpectEcho("<ALIVE/>");
        // The echo is written before the document is posted to the core; the answer to the next
        // one comes from the core, so once it is here the ALIVE was heard.
        talking.sendExpectEcho("<STATUS user=\"bob\" type=\"get\"/>");
        CPPUNIT_ASSERT(talking.next().has_value());
        harness.advance(milliseconds(1'000));
        CPPUNIT_ASSERT(silent.closed());
        // Bob was heard 1 s ago: still served.
        talking.sendExpectEcho("<STATUS user=\"bob\" type=\"get\"/>");
        CPPUNIT_ASSERT(talking.next().has_value());
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(ImsConnectionTest);

} // namespace ringdesk::front_end_tests
