// The session settings the app makes from the login details: TLS options, raw mode with the
// server's key from a file or fetched by the session, and clear errors for unusable key files.
#include "operator-client/app/login_details.h"

#include "protocol/rsa_key.h"

#include <Poco/File.h>
#include <Poco/Path.h>
#include <Poco/TemporaryFile.h>

#include <cppunit/extensions/HelperMacros.h>

#include <fstream>
#include <stdexcept>

namespace ringdesk::operator_app {
namespace {

LoginDetails alice()
{
    LoginDetails details;
    details.server = {"desk.example", 7020};
    details.user = "alice";
    details.password = "secret";
    return details;
}

class LoginDetailsTest : public CppUnit::TestFixture
{
    CPPUNIT_TEST_SUITE(LoginDetailsTest);
    CPPUNIT_TEST(testPlainDetails);
    CPPUNIT_TEST(testTlsWithAndWithoutCaFile);
    CPPUNIT_TEST(testRawModeFetchesOrReadsTheServerKey);
    CPPUNIT_TEST(testUnusableServerKeyFileIsRefused);
    CPPUNIT_TEST_SUITE_END();

public:
    void testPlainDetails()
    {
        const operator_client::SessionSettings settings = sessionSettingsFor(alice());
        CPPUNIT_ASSERT_EQUAL(std::string("desk.example"), settings.host);
        CPPUNIT_ASSERT_EQUAL(std::uint16_t(7020), settings.port);
        CPPUNIT_ASSERT_EQUAL(std::string("alice"), settings.username);
        CPPUNIT_ASSERT_EQUAL(std::string("secret"), settings.password);
        CPPUNIT_ASSERT(!settings.tls);
        CPPUNIT_ASSERT(!settings.rawMode);
        CPPUNIT_ASSERT(!settings.encryption);
    }

    void testTlsWithAndWithoutCaFile()
    {
        LoginDetails details = alice();
        details.tls = true;
        CPPUNIT_ASSERT(sessionSettingsFor(details).tls->caFile.empty()); // the system's authorities
        details.tlsCaFile = "desk.pem";
        CPPUNIT_ASSERT_EQUAL(std::string("desk.pem"), sessionSettingsFor(details).tls->caFile);
        // The file is kept but unused while TLS is off.
        details.tls = false;
        CPPUNIT_ASSERT(!sessionSettingsFor(details).tls);
    }

    void testRawModeFetchesOrReadsTheServerKey()
    {
        LoginDetails details = alice();
        details.raw = true;
        details.httpPort = 8081;
        const operator_client::SessionSettings fetched = sessionSettingsFor(details);
        CPPUNIT_ASSERT(fetched.rawMode);
        CPPUNIT_ASSERT(!fetched.rawMode->serverKey); // the session fetches it
        CPPUNIT_ASSERT_EQUAL(std::uint16_t(8081), fetched.rawMode->httpPort);

        const protocol::RsaPublicKey key = protocol::RsaPrivateKey::generate(2048).publicKey();
        Poco::TemporaryFile file;
        std::ofstream(file.path()) << key.pem();
        details.serverKeyFile = file.path();
        const operator_client::SessionSettings read = sessionSettingsFor(details);
        CPPUNIT_ASSERT(read.rawMode->serverKey);
        CPPUNIT_ASSERT_EQUAL(key.fingerprint(), read.rawMode->serverKey->fingerprint());
    }

    void testUnusableServerKeyFileIsRefused()
    {
        LoginDetails details = alice();
        details.raw = true;
        Poco::TemporaryFile missing;
        details.serverKeyFile = missing.path();
        CPPUNIT_ASSERT_THROW(sessionSettingsFor(details), std::invalid_argument);

        Poco::TemporaryFile notAKey;
        std::ofstream(notAKey.path()) << "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n";
        details.serverKeyFile = notAKey.path();
        try {
            sessionSettingsFor(details);
            CPPUNIT_FAIL("a file without a public key was accepted");
        } catch (const std::invalid_argument& e) {
            CPPUNIT_ASSERT_MESSAGE(e.what(), std::string(e.what()).find(notAKey.path()) != std::string::npos);
        }
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(LoginDetailsTest);

} // namespace
} // namespace ringdesk::operator_app
