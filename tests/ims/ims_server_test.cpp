// A scripted IMS client against the real ringdesk-server: every document and result code of
// specs/ims-xml-protocol.txt, the echo, offline delivery across a restart, invitations to an
// offline user, two sessions of one user, bans, LOGOUT and the ALIVE timeout.
#include "support/ims_client.h"
#include "support/server_process.h"

#include "server/store/ban_repository.h"
#include "server/store/database.h"

#include <cppunit/extensions/HelperMacros.h>

#include <chrono>

namespace ringdesk::ims_tests {
namespace {

std::string message(const std::string& from, const std::string& to, const std::string& text)
{
    return "<MESSAGE from=\"" + from + "\" to=\"" + to + "\">" + text + "</MESSAGE>";
}

} // namespace

class ImsServerTest : public CppUnit::TestFixture
{
    CPPUNIT_TEST_SUITE(ImsServerTest);
    CPPUNIT_TEST(testLoginResultsAndNothingBeforeLogin);
    CPPUNIT_TEST(testStatusDocuments);
    CPPUNIT_TEST(testMessageResultsAndTwoSessions);
    CPPUNIT_TEST(testFriendDocumentsAndInviteAtLogin);
    CPPUNIT_TEST(testOfflineMessageSurvivesRestartDeliveredOnce);
    CPPUNIT_TEST(testLogoutOwnerCheckThenNothing);
    CPPUNIT_TEST(testBannedLoginGetsResult2);
    CPPUNIT_TEST(testAliveTimeoutClosesSilentConnection);
    CPPUNIT_TEST(testMalformedDocumentsGetErrors);
    CPPUNIT_TEST_SUITE_END();

public:
    void setUp() override
    {
        server_ = std::make_unique<integration::ServerProcess>();
        server_->addUser("alice", "pa", "alice");
        server_->addUser("bob", "pb", "bob");
        server_->addUser("carol", "pc", "carol");
    }
    void tearDown() override { server_.reset(); }

    void testLoginResultsAndNothingBeforeLogin()
    {
        server_->start();
        ImsClient client(server_->imsPort());
        // Before LOGIN only the echo comes back.
        client.sendExpectEcho("<STATUS user=\"alice\" type=\"get\"/>");
        CPPUNIT_ASSERT_EQUAL(std::string("<LOGIN user=\"nobody\" result=\"0\"/>"), client.login("nobody", "x"));
        CPPUNIT_ASSERT_EQUAL(std::string("<LOGIN user=\"alice\" result=\"0\"/>"), client.login("alice", "wrong"));
        CPPUNIT_ASSERT_EQUAL(std::string("<LOGIN user=\"alice\" result=\"1\"/>"), client.login("alice", "pa"));
        client.sendExpectEcho("<STATUS user=\"alice\" type=\"get\"/>");
        CPPUNIT_ASSERT_EQUAL(std::string("<STATUS type=\"get\" result=\"0\"/>"), *client.next());
    }

    void testStatusDocuments()
    {
        server_->start();
        ImsClient client(server_->imsPort());
        client.login("alice", "pa");
        client.sendExpectEcho("<STATUS user=\"alice\" type=\"list\"/>");
        CPPUNIT_ASSERT_EQUAL(std::string("<STATUSLIST><STATUS id=\"0\">Online</STATUS><STATUS id=\"1\">Away</STATUS>"
                                         "<STATUS id=\"2\">Busy</STATUS><STATUS id=\"3\">Offline</STATUS></STATUSLIST>"),
                             *client.next());
        client.sendExpectEcho("<STATUS user=\"alice\" type=\"set\" code=\"2\"/>");
        CPPUNIT_ASSERT_EQUAL(std::string("<STATUS type=\"set\" result=\"1\"/>"), *client.next());
        client.sendExpectEcho("<STATUS user=\"alice\" type=\"get\"/>");
        CPPUNIT_ASSERT_EQUAL(std::string("<STATUS type=\"get\" result=\"2\"/>"), *client.next());
        // Not the owner: set changes nothing (0), get is unknown (-1).
        client.sendExpectEcho("<STATUS user=\"bob\" type=\"set\" code=\"1\"/>");
        CPPUNIT_ASSERT_EQUAL(std::string("<STATUS type=\"set\" result=\"0\"/>"), *client.next());
        client.sendExpectEcho("<STATUS user=\"bob\" type=\"get\"/>");
        CPPUNIT_ASSERT_EQUAL(std::string("<STATUS type=\"get\" result=\"-1\"/>"), *client.next());
        // A code that names no status changes nothing.
        client.sendExpectEcho("<STATUS user=\"alice\" type=\"set\" code=\"42\"/>");
        CPPUNIT_ASSERT_EQUAL(std::string("<STATUS type=\"set\" result=\"0\"/>"), *client.next());
    }

    void testMessageResultsAndTwoSessions()
    {
        server_->start();
        ImsClient alice(server_->imsPort()), bob1(server_->imsPort()), bob2(server_->imsPort());
        alice.login("alice", "pa");
        bob1.login("bob", "pb");
        bob2.login("bob", "pb");
        alice.sendExpectEcho(message("alice", "bob", "hello"));
        CPPUNIT_ASSERT_EQUAL(std::string("<MESSAGE result=\"1\"/>"), *alice.next());
        CPPUNIT_ASSERT_EQUAL(message("alice", "bob", "hello"), *bob1.next());
        CPPUNIT_ASSERT_EQUAL(message("alice", "bob", "hello"), *bob2.next());
        alice.sendExpectEcho(message("alice", "carol", "later"));
        CPPUNIT_ASSERT_EQUAL(std::string("<MESSAGE result=\"-1\"/>"), *alice.next());
        alice.sendExpectEcho(message("alice", "nobody", "x"));
        CPPUNIT_ASSERT_EQUAL(std::string("<MESSAGE result=\"0\"/>"), *alice.next());
        // `from` must be the owner: nothing is sent.
        alice.sendExpectEcho(message("bob", "bob", "forged"));
        CPPUNIT_ASSERT_EQUAL(std::string("<MESSAGE result=\"0\"/>"), *alice.next());
    }

    void testFriendDocumentsAndInviteAtLogin()
    {
        server_->start();
        ImsClient alice(server_->imsPort());
        alice.login("alice", "pa");
        alice.sendExpectEcho("<FRIEND user=\"alice\" type=\"add\" friend=\"bob\"/>");
        CPPUNIT_ASSERT_EQUAL(std::string("<FRIEND type=\"add\" result=\"1\"/>"), *alice.next());
        alice.sendExpectEcho("<FRIEND user=\"alice\" type=\"add\" friend=\"nobody\"/>");
        CPPUNIT_ASSERT_EQUAL(std::string("<FRIEND type=\"add\" result=\"0\"/>"), *alice.next());
        alice.sendExpectEcho("<FRIEND user=\"alice\" type=\"add\" friend=\"carol\"/>");
        CPPUNIT_ASSERT_EQUAL(std::string("<FRIEND type=\"add\" result=\"1\"/>"), *alice.next());

        // bob was offline: the invitation comes at his login.
        ImsClient bob(server_->imsPort());
        CPPUNIT_ASSERT_EQUAL(std::string("<LOGIN user=\"bob\" result=\"1\"/>"), bob.login("bob", "pb"));
        CPPUNIT_ASSERT_EQUAL(std::string("<FRIEND type=\"invite\" to=\"bob\" from=\"alice\"/>"), *bob.next());
        bob.sendExpectEcho("<FRIEND user=\"bob\" type=\"accept\" other=\"alice\"/>");
        CPPUNIT_ASSERT_EQUAL(std::string("<FRIEND type=\"accept\" result=\"1\"/>"), *bob.next());
        bob.sendExpectEcho("<FRIEND user=\"bob\" type=\"accept\" other=\"alice\"/>");
        CPPUNIT_ASSERT_EQUAL(std::string("<FRIEND type=\"accept\" result=\"0\"/>"), *bob.next());
        bob.sendExpectEcho("<FRIEND user=\"bob\" type=\"request\"/>");
        CPPUNIT_ASSERT_EQUAL(std::string("<FRIENDS><USER status=\"0\">alice</USER></FRIENDS>"), *bob.next());

        // carol is online when bob invites her: at once.
        ImsClient carol(server_->imsPort());
        carol.login("carol", "pc");
        CPPUNIT_ASSERT_EQUAL(std::string("<FRIEND type=\"invite\" to=\"carol\" from=\"alice\"/>"), *carol.next());
        bob.sendExpectEcho("<FRIEND user=\"bob\" type=\"add\" friend=\"carol\"/>");
        CPPUNIT_ASSERT_EQUAL(std::string("<FRIEND type=\"add\" result=\"1\"/>"), *bob.next());
        CPPUNIT_ASSERT_EQUAL(std::string("<FRIEND type=\"invite\" to=\"carol\" from=\"bob\"/>"), *carol.next());
        carol.sendExpectEcho("<FRIEND user=\"carol\" type=\"deny\" other=\"bob\"/>");
        CPPUNIT_ASSERT_EQUAL(std::string("<FRIEND type=\"deny\" result=\"1\"/>"), *carol.next());
        carol.sendExpectEcho("<FRIEND user=\"carol\" type=\"deny\" other=\"bob\"/>");
        CPPUNIT_ASSERT_EQUAL(std::string("<FRIEND type=\"deny\" result=\"0\"/>"), *carol.next());

        alice.sendExpectEcho("<FRIEND user=\"alice\" type=\"delete\" friend=\"bob\"/>");
        CPPUNIT_ASSERT_EQUAL(std::string("<FRIEND type=\"delete\" result=\"1\"/>"), *alice.next());
        alice.sendExpectEcho("<FRIEND user=\"alice\" type=\"delete\" friend=\"bob\"/>");
        CPPUNIT_ASSERT_EQUAL(std::string("<FRIEND type=\"delete\" result=\"0\"/>"), *alice.next());
        alice.sendExpectEcho("<FRIEND user=\"alice\" type=\"request\"/>");
        CPPUNIT_ASSERT_EQUAL(std::string("<FRIENDS></FRIENDS>"), *alice.next());
    }

    void testOfflineMessageSurvivesRestartDeliveredOnce()
    {
        server_->start();
        {
            ImsClient alice(server_->imsPort());
            alice.login("alice", "pa");
            alice.sendExpectEcho(message("alice", "bob", "first"));
            CPPUNIT_ASSERT_EQUAL(std::string("<MESSAGE result=\"-1\"/>"), *alice.next());
            alice.sendExpectEcho(message("alice", "bob", "second"));
            CPPUNIT_ASSERT_EQUAL(std::string("<MESSAGE result=\"-1\"/>"), *alice.next());
        }
        CPPUNIT_ASSERT_EQUAL(0, server_->stop());
        server_->start();
        {
            ImsClient bob(server_->imsPort());
            CPPUNIT_ASSERT_EQUAL(std::string("<LOGIN user=\"bob\" result=\"1\"/>"), bob.login("bob", "pb"));
            CPPUNIT_ASSERT_EQUAL(message("alice", "bob", "first"), *bob.next());
            CPPUNIT_ASSERT_EQUAL(message("alice", "bob", "second"), *bob.next());
        }
        // The next login gets nothing: the first document after LOGIN's answer is the ALIVE echo.
        ImsClient again(server_->imsPort());
        again.login("bob", "pb");
        again.sendExpectEcho("<ALIVE/>");
    }

    void testLogoutOwnerCheckThenNothing()
    {
        server_->start();
        ImsClient client(server_->imsPort());
        client.login("alice", "pa");
        client.sendExpectEcho("<LOGOUT user=\"bob\"/>");
        CPPUNIT_ASSERT_EQUAL(std::string("<LOGOUT result=\"0\"/>"), *client.next());
        client.sendExpectEcho("<LOGOUT user=\"alice\"/>");
        CPPUNIT_ASSERT_EQUAL(std::string("<LOGOUT result=\"1\"/>"), *client.next());
        CPPUNIT_ASSERT(client.closedWithin(std::chrono::seconds(10)));
    }

    void testBannedLoginGetsResult2()
    {
        {
            Poco::Data::Session session = store::openDatabase(server_->databasePath());
            store::BanRepository bans(session);
            bans.add(store::ban_kind::kUser, "carol", "spam", "admin", 0, std::nullopt);
            bans.add(store::ban_kind::kUser, "bob", "expired", "admin", 0, 1000); // long over
        }
        server_->start();
        ImsClient carol(server_->imsPort());
        CPPUNIT_ASSERT_EQUAL(std::string("<LOGIN user=\"carol\" result=\"2\"/>"), carol.login("carol", "pc"));
        // A wrong password is never told about the ban.
        CPPUNIT_ASSERT_EQUAL(std::string("<LOGIN user=\"carol\" result=\"0\"/>"), carol.login("carol", "x"));
        ImsClient bob(server_->imsPort());
        CPPUNIT_ASSERT_EQUAL(std::string("<LOGIN user=\"bob\" result=\"1\"/>"), bob.login("bob", "pb"));
    }

    // The one real-time ALIVE test: it proves that ringdesk.ims.aliveTimeoutMs reaches the
    // server's IM unit, with a short timeout (it used to wait 1.5 s). The timeout itself is
    // tested on a manual clock (front_end_tests, testAliveTimeoutOnTheManualClock).
    void testAliveTimeoutClosesSilentConnection()
    {
        server_->define("ringdesk.ims.aliveTimeoutMs", "300");
        server_->start();
        ImsClient silent(server_->imsPort());
        silent.login("alice", "pa");
        CPPUNIT_ASSERT(silent.closedWithin(std::chrono::seconds(10)));
    }

    void testMalformedDocumentsGetErrors()
    {
        server_->start();
        ImsClient client(server_->imsPort());
        client.login("alice", "pa");
        client.sendExpectEcho("<BOGUS/>");
        CPPUNIT_ASSERT_EQUAL(std::string("<ERROR code=\"unknown_type\">unknown IMS document BOGUS</ERROR>"),
                             *client.next());
        // Still usable.
        client.sendExpectEcho("<STATUS user=\"alice\" type=\"get\"/>");
        CPPUNIT_ASSERT_EQUAL(std::string("<STATUS type=\"get\" result=\"0\"/>"), *client.next());
        // A DOCTYPE breaks the stream: an error, then the connection is closed.
        client.send("<!DOCTYPE x [<!ENTITY a \"b\">]><x>&a;</x>");
        const std::optional<std::string> error = client.next();
        CPPUNIT_ASSERT(error && error->rfind("<ERROR code=\"bad_xml\">", 0) == 0);
        CPPUNIT_ASSERT(client.closedWithin(std::chrono::seconds(10)));
        // The server is fine.
        ImsClient other(server_->imsPort());
        CPPUNIT_ASSERT_EQUAL(std::string("<LOGIN user=\"bob\" result=\"1\"/>"), other.login("bob", "pb"));
    }

private:
    std::unique_ptr<integration::ServerProcess> server_;
};

CPPUNIT_TEST_SUITE_REGISTRATION(ImsServerTest);

} // namespace ringdesk::ims_tests
