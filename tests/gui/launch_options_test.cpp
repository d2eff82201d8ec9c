#include "operator-client/app/launch_options.h"

#include <cppunit/extensions/HelperMacros.h>

#include <stdexcept>

namespace ringdesk::operator_app {
namespace {

class LaunchOptionsTest : public CppUnit::TestFixture
{
    CPPUNIT_TEST_SUITE(LaunchOptionsTest);
    CPPUNIT_TEST(testNoOptions);
    CPPUNIT_TEST(testAutoLogin);
    CPPUNIT_TEST(testAutomationImpliesTrace);
    CPPUNIT_TEST(testAutoLoginNeedsCredentials);
    CPPUNIT_TEST(testRejectsUnknownAndBadValues);
    CPPUNIT_TEST_SUITE_END();

public:
    void testNoOptions()
    {
        const LaunchOptions options = parseLaunchOptions({});
        CPPUNIT_ASSERT(!options.server);
        CPPUNIT_ASSERT(!options.autoLogin);
        CPPUNIT_ASSERT(!options.trace);
    }

    void testAutoLogin()
    {
        const LaunchOptions options =
            parseLaunchOptions({"--server=127.0.0.1:4242", "--user=alice", "--password=a=b", "--auto-login"});
        CPPUNIT_ASSERT(options.autoLogin);
        CPPUNIT_ASSERT_EQUAL(std::uint16_t(4242), options.server->port);
        CPPUNIT_ASSERT_EQUAL(std::string("alice"), options.user);
        CPPUNIT_ASSERT_EQUAL(std::string("a=b"), options.password);
    }

    void testAutomationImpliesTrace()
    {
        const LaunchOptions options = parseLaunchOptions({"--auto-accept-ring", "--auto-reply=Hi there"});
        CPPUNIT_ASSERT(options.autoAcceptRing);
        CPPUNIT_ASSERT_EQUAL(std::string("Hi there"), options.autoReply);
        CPPUNIT_ASSERT(options.trace);
    }

    void testAutoLoginNeedsCredentials()
    {
        CPPUNIT_ASSERT_THROW(parseLaunchOptions({"--auto-login", "--user=alice", "--password=x"}),
                             std::invalid_argument);
        CPPUNIT_ASSERT_THROW(parseLaunchOptions({"--auto-login", "--server=h:1", "--user=alice"}),
                             std::invalid_argument);
    }

    void testRejectsUnknownAndBadValues()
    {
        CPPUNIT_ASSERT_THROW(parseLaunchOptions({"--frobnicate"}), std::invalid_argument);
        CPPUNIT_ASSERT_THROW(parseLaunchOptions({"--server=host:99999"}), std::invalid_argument);
        CPPUNIT_ASSERT_THROW(parseLaunchOptions({"--auto-reply="}), std::invalid_argument);
        CPPUNIT_ASSERT_THROW(parseLaunchOptions({"--user"}), std::invalid_argument);
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(LaunchOptionsTest);

} // namespace
} // namespace ringdesk::operator_app
