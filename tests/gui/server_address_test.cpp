#include "operator-client/app/server_address.h"

#include <cppunit/extensions/HelperMacros.h>

namespace ringdesk::operator_app {
namespace {

class ServerAddressTest : public CppUnit::TestFixture
{
    CPPUNIT_TEST_SUITE(ServerAddressTest);
    CPPUNIT_TEST(testHostAndPort);
    CPPUNIT_TEST(testDefaultPort);
    CPPUNIT_TEST(testIpv6);
    CPPUNIT_TEST(testRejectsBadInput);
    CPPUNIT_TEST(testRoundTrip);
    CPPUNIT_TEST_SUITE_END();

public:
    void testHostAndPort()
    {
        const auto address = parseServerAddress(" desk.example.com:7443 ");
        CPPUNIT_ASSERT(address);
        CPPUNIT_ASSERT_EQUAL(std::string("desk.example.com"), address->host);
        CPPUNIT_ASSERT_EQUAL(std::uint16_t(7443), address->port);
    }

    void testDefaultPort()
    {
        CPPUNIT_ASSERT_EQUAL(kDefaultOperatorPort, parseServerAddress("localhost")->port);
        // With TLS the caller passes the TLS port's default; a given port always wins.
        CPPUNIT_ASSERT_EQUAL(kDefaultOperatorTlsPort, parseServerAddress("localhost", kDefaultOperatorTlsPort)->port);
        CPPUNIT_ASSERT_EQUAL(kDefaultOperatorTlsPort, parseServerAddress("[::1]", kDefaultOperatorTlsPort)->port);
        CPPUNIT_ASSERT_EQUAL(std::uint16_t(7010), parseServerAddress("h:7010", kDefaultOperatorTlsPort)->port);
    }

    void testIpv6()
    {
        const auto bracketed = parseServerAddress("[::1]:9000");
        CPPUNIT_ASSERT_EQUAL(std::string("::1"), bracketed->host);
        CPPUNIT_ASSERT_EQUAL(std::uint16_t(9000), bracketed->port);
        const auto bare = parseServerAddress("fe80::1");
        CPPUNIT_ASSERT_EQUAL(std::string("fe80::1"), bare->host);
        CPPUNIT_ASSERT_EQUAL(kDefaultOperatorPort, bare->port);
    }

    void testRejectsBadInput()
    {
        CPPUNIT_ASSERT(!parseServerAddress(""));
        CPPUNIT_ASSERT(!parseServerAddress(":7010"));
        CPPUNIT_ASSERT(!parseServerAddress("host:"));
        CPPUNIT_ASSERT(!parseServerAddress("host:0"));
        CPPUNIT_ASSERT(!parseServerAddress("host:65536"));
        CPPUNIT_ASSERT(!parseServerAddress("host:12ab"));
        CPPUNIT_ASSERT(!parseServerAddress("[::1"));
        CPPUNIT_ASSERT(!parseServerAddress("[::1]x"));
    }

    void testRoundTrip()
    {
        for (const char* text : {"a.example:1", "[::1]:7010"}) {
            const auto address = parseServerAddress(text);
            CPPUNIT_ASSERT_EQUAL(std::string(text), formatServerAddress(*address));
        }
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(ServerAddressTest);

} // namespace
} // namespace ringdesk::operator_app
