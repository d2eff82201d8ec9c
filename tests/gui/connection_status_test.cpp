#include "operator-client/app/connection_status.h"

#include <cppunit/extensions/HelperMacros.h>

namespace ringdesk::operator_app {
namespace {

using namespace operator_client;
using namespace std::chrono_literals;

class ConnectionStatusTest : public CppUnit::TestFixture
{
    CPPUNIT_TEST_SUITE(ConnectionStatusTest);
    CPPUNIT_TEST(testLoginFlow);
    CPPUNIT_TEST(testDropShowsBannerUntilBack);
    CPPUNIT_TEST(testRefusedLogin);
    CPPUNIT_TEST(testIgnoresChatEvents);
    CPPUNIT_TEST_SUITE_END();

public:
    void testLoginFlow()
    {
        ConnectionStatus status;
        status.apply(Connecting{"desk", 7010, 1});
        CPPUNIT_ASSERT_EQUAL(std::string("Connecting to desk:7010\u2026"), status.statusText());
        status.apply(Connected{});
        status.apply(LoggedIn{"alice", "Alice"});
        CPPUNIT_ASSERT(status.link() == ConnectionStatus::Link::Online);
        CPPUNIT_ASSERT_EQUAL(std::string("Online as Alice on desk:7010"), status.statusText());
        CPPUNIT_ASSERT(!status.troubled());
    }

    void testDropShowsBannerUntilBack()
    {
        ConnectionStatus status;
        status.apply(Connecting{"desk", 7010, 1});
        status.apply(LoggedIn{"alice", "Alice"});
        status.apply(ConnectionLost{"the server stopped answering", 2500ms});
        CPPUNIT_ASSERT(status.troubled());
        CPPUNIT_ASSERT_EQUAL(std::string("Connection lost (the server stopped answering). Reconnecting in 3 s "
                                         "(attempt 2); open chats are kept."),
                             status.bannerText());
        status.apply(Connecting{"desk", 7010, 2});
        CPPUNIT_ASSERT(status.troubled()); // still trying
        status.apply(LoggedIn{"alice", "Alice"});
        CPPUNIT_ASSERT(!status.troubled());
    }

    void testRefusedLogin()
    {
        ConnectionStatus status;
        status.apply(LoginFailed{0});
        status.apply(ConnectionLost{"login refused", std::nullopt});
        CPPUNIT_ASSERT(status.link() == ConnectionStatus::Link::Stopped);
        CPPUNIT_ASSERT_EQUAL(std::string("Wrong user name or password."), status.refusal());
        CPPUNIT_ASSERT_EQUAL(status.refusal(), status.bannerText());
    }

    void testIgnoresChatEvents()
    {
        ConnectionStatus status;
        CPPUNIT_ASSERT(!status.apply(ChatEnded{3}));
        CPPUNIT_ASSERT(!status.apply(MessageReceived{3, 1, "hi", 0}));
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(ConnectionStatusTest);

} // namespace
} // namespace ringdesk::operator_app
