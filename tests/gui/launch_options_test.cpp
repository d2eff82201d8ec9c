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
    CPPUNIT_TEST(testTlsOptionsAndTheirDefaultPort);
    CPPUNIT_TEST(testRawModeOptions);
    CPPUNIT_TEST(testOptionsOverRememberedDetails);
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
        CPPUNIT_ASSERT_THROW(parseLaunchOptions({"--tls-ca="}), std::invalid_argument);
        CPPUNIT_ASSERT_THROW(parseLaunchOptions({"--server-key="}), std::invalid_argument);
        CPPUNIT_ASSERT_THROW(parseLaunchOptions({"--http-port=0"}), std::invalid_argument);
        CPPUNIT_ASSERT_THROW(parseLaunchOptions({"--http-port=80x"}), std::invalid_argument);
        CPPUNIT_ASSERT_THROW(parseLaunchOptions({"--tls=yes"}), std::invalid_argument);
    }

    void testTlsOptionsAndTheirDefaultPort()
    {
        const LaunchOptions plain = parseLaunchOptions({"--server=desk.example"});
        CPPUNIT_ASSERT(!plain.tls);
        CPPUNIT_ASSERT_EQUAL(kDefaultOperatorPort, plain.server->port);

        // --tls after --server still gives the TLS port: the order of options does not matter.
        const LaunchOptions tls = parseLaunchOptions({"--server=desk.example", "--tls"});
        CPPUNIT_ASSERT(tls.tls);
        CPPUNIT_ASSERT(tls.tlsCaFile.empty());
        CPPUNIT_ASSERT_EQUAL(kDefaultOperatorTlsPort, tls.server->port);
        CPPUNIT_ASSERT_EQUAL(std::uint16_t(9999), parseLaunchOptions({"--tls", "--server=h:9999"}).server->port);

        const LaunchOptions ca = parseLaunchOptions({"--tls-ca=certs/desk.pem", "--server=desk.example"});
        CPPUNIT_ASSERT(ca.tls);
        CPPUNIT_ASSERT_EQUAL(std::string("certs/desk.pem"), ca.tlsCaFile);
        CPPUNIT_ASSERT_EQUAL(kDefaultOperatorTlsPort, ca.server->port);
        CPPUNIT_ASSERT(!ca.raw);
    }

    void testRawModeOptions()
    {
        const LaunchOptions raw = parseLaunchOptions({"--raw"});
        CPPUNIT_ASSERT(raw.raw);
        CPPUNIT_ASSERT(raw.serverKeyFile.empty());
        CPPUNIT_ASSERT(!raw.httpPort);
        CPPUNIT_ASSERT(!raw.tls);

        const LaunchOptions keyed = parseLaunchOptions({"--server-key=server_key.pub.pem", "--http-port=8081"});
        CPPUNIT_ASSERT(keyed.raw);
        CPPUNIT_ASSERT_EQUAL(std::string("server_key.pub.pem"), keyed.serverKeyFile);
        CPPUNIT_ASSERT_EQUAL(std::uint16_t(8081), *keyed.httpPort);
    }

    void testOptionsOverRememberedDetails()
    {
        LoginDetails remembered;
        remembered.server = {"old.example", 7010};
        remembered.user = "ann";
        remembered.tlsCaFile = "old.pem";
        remembered.httpPort = 8090;

        // Nothing given: the remembered details stay as they are.
        const LoginDetails same = applyLaunchOptions(remembered, parseLaunchOptions({}));
        CPPUNIT_ASSERT_EQUAL(std::string("old.example"), same.server.host);
        CPPUNIT_ASSERT(!same.tls);
        CPPUNIT_ASSERT(!same.raw);
        CPPUNIT_ASSERT_EQUAL(std::uint16_t(8090), same.httpPort);

        const LoginDetails given = applyLaunchOptions(
            remembered, parseLaunchOptions({"--server=new.example", "--tls", "--raw", "--user=bea"}));
        CPPUNIT_ASSERT_EQUAL(std::string("new.example"), given.server.host);
        CPPUNIT_ASSERT_EQUAL(kDefaultOperatorTlsPort, given.server.port);
        CPPUNIT_ASSERT_EQUAL(std::string("bea"), given.user);
        CPPUNIT_ASSERT(given.tls);
        CPPUNIT_ASSERT_EQUAL(std::string("old.pem"), given.tlsCaFile); // --tls alone keeps the file
        CPPUNIT_ASSERT(given.raw);

        const LoginDetails ca = applyLaunchOptions(remembered, parseLaunchOptions({"--tls-ca=new.pem"}));
        CPPUNIT_ASSERT_EQUAL(std::string("new.pem"), ca.tlsCaFile);
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(LaunchOptionsTest);

} // namespace
} // namespace ringdesk::operator_app
