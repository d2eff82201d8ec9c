// The IMS endpoint over TLS (docs/ims.md, "TLS") with a real socket against the real server:
// LOGIN and MESSAGE between a TLS client and a plain one, handshakes that fail or never start
// closing only their own connection, the self-signed certificate created at first start, and
// configured certificate files.
#include "support/ims_client.h"
#include "support/server_process.h"

#include "server/keys/certificate_files.h"

#include <Poco/File.h>
#include <Poco/Path.h>

#include <cppunit/extensions/HelperMacros.h>

#include <sys/stat.h>

#include <chrono>
#include <fstream>
#include <sstream>

namespace ringdesk::ims_tests {
namespace {

const std::string kHello = "<MESSAGE from=\"alice\" to=\"bob\">hello over TLS</MESSAGE>";

std::string fileText(const std::string& path)
{
    std::ifstream in(path);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

} // namespace

class ImsTlsTest : public CppUnit::TestFixture
{
    CPPUNIT_TEST_SUITE(ImsTlsTest);
    CPPUNIT_TEST(testLoginAndMessageBetweenTlsAndPlainClients);
    CPPUNIT_TEST(testFailedHandshakesCloseOnlyTheirConnection);
    CPPUNIT_TEST(testSelfSignedCertificateCreatedAtFirstStartAndKept);
    CPPUNIT_TEST(testConfiguredCertificateFiles);
    CPPUNIT_TEST_SUITE_END();

public:
    void setUp() override
    {
        server_ = std::make_unique<integration::ServerProcess>();
        server_->enableTls();
        server_->define("ringdesk.tls.handshakeTimeoutMs", "2000");
        server_->addUser("alice", "pa", "alice");
        server_->addUser("bob", "pb", "bob");
    }
    void tearDown() override { server_.reset(); }

    void testLoginAndMessageBetweenTlsAndPlainClients()
    {
        server_->start();
        CPPUNIT_ASSERT(server_->imsTlsPort() != 0);
        ImsClient alice(server_->imsTlsPort(), trustServer());
        ImsClient bob(server_->imsPort());
        CPPUNIT_ASSERT_EQUAL(std::string("<LOGIN user=\"alice\" result=\"0\"/>"), alice.login("alice", "wrong"));
        CPPUNIT_ASSERT_EQUAL(std::string("<LOGIN user=\"alice\" result=\"1\"/>"), alice.login("alice", "pa"));
        CPPUNIT_ASSERT_EQUAL(std::string("<LOGIN user=\"bob\" result=\"1\"/>"), bob.login("bob", "pb"));
        alice.sendExpectEcho(kHello);
        CPPUNIT_ASSERT_EQUAL(std::string("<MESSAGE result=\"1\"/>"), *alice.next());
        CPPUNIT_ASSERT_EQUAL(kHello, *bob.next());
        // And back into the TLS connection: more than one TLS record (16 KiB) in a row.
        std::string replies;
        for (int i = 0; i < 8; ++i)
            replies += "<MESSAGE from=\"bob\" to=\"alice\">" + std::to_string(i) + std::string(3900, 'r') + "</MESSAGE>";
        bob.send(replies);
        for (int i = 0; i < 8; ++i) {
            const std::string reply =
                "<MESSAGE from=\"bob\" to=\"alice\">" + std::to_string(i) + std::string(3900, 'r') + "</MESSAGE>";
            CPPUNIT_ASSERT_EQUAL(reply, *alice.next());
        }
    }

    void testFailedHandshakesCloseOnlyTheirConnection()
    {
        server_->start();
        // A client that says nothing holds no listener thread: others get in meanwhile, and it
        // is closed when the handshake deadline passes.
        ImsClient silent(server_->imsTlsPort());
        ImsClient alice(server_->imsTlsPort(), trustServer());
        CPPUNIT_ASSERT_EQUAL(std::string("<LOGIN user=\"alice\" result=\"1\"/>"), alice.login("alice", "pa"));
        CPPUNIT_ASSERT(silent.closedWithin(std::chrono::seconds(20)));

        // A plain IMS client on the TLS port: its LOGIN is no TLS handshake; it is closed
        // without an answer, and the server says why in its log.
        ImsClient plain(server_->imsTlsPort());
        plain.send("<LOGIN user=\"bob\" pass=\"x\"/>");
        CPPUNIT_ASSERT(plain.closedWithin(std::chrono::seconds(20)));

        // The established TLS session and new ones carry on.
        alice.sendExpectEcho("<STATUS user=\"alice\" type=\"get\"/>");
        CPPUNIT_ASSERT_EQUAL(std::string("<STATUS type=\"get\" result=\"0\"/>"), *alice.next());
        ImsClient bob(server_->imsTlsPort(), trustServer());
        CPPUNIT_ASSERT_EQUAL(std::string("<LOGIN user=\"bob\" result=\"1\"/>"), bob.login("bob", "pb"));
        server_->stop();
        const std::string log = server_->logTail(1 << 20);
        // One line for each refused connection: the silent one and the plain one.
        const std::string failed = "ims TLS handshake with 127.0.0.1";
        const std::size_t first = log.find(failed);
        CPPUNIT_ASSERT_MESSAGE(log, first != std::string::npos);
        CPPUNIT_ASSERT_MESSAGE(log, log.find(failed, first + 1) != std::string::npos);
        CPPUNIT_ASSERT_MESSAGE(log, log.find("not completed within 2000 ms") != std::string::npos);
    }

    void testSelfSignedCertificateCreatedAtFirstStartAndKept()
    {
        CPPUNIT_ASSERT(!Poco::File(server_->tlsCertificateFile()).exists());
        server_->start();
        const std::string fingerprint = keys::certificateFingerprint(server_->tlsCertificateFile());
        CPPUNIT_ASSERT_EQUAL(std::string("SHA256:"), fingerprint.substr(0, 7));
        struct stat key = {};
        CPPUNIT_ASSERT_EQUAL(0, ::stat(server_->tlsPrivateKeyFile().c_str(), &key));
        CPPUNIT_ASSERT_EQUAL(0600, static_cast<int>(key.st_mode & 0777));
        // The fingerprint is logged, so an operator can compare it with the file given out
        // (the log is complete once the server stopped).
        server_->stop();
        CPPUNIT_ASSERT(server_->logTail(1 << 20).find(fingerprint) != std::string::npos);

        // A restart keeps the certificate: clients that trust the file still get in.
        const std::string pem = fileText(server_->tlsCertificateFile());
        server_->start();
        CPPUNIT_ASSERT_EQUAL(pem, fileText(server_->tlsCertificateFile()));
        ImsClient alice(server_->imsTlsPort(), trustServer());
        CPPUNIT_ASSERT_EQUAL(std::string("<LOGIN user=\"alice\" result=\"1\"/>"), alice.login("alice", "pa"));
    }

    void testConfiguredCertificateFiles()
    {
        // A certificate and key of our own (here: the ones a first start generated, moved away).
        server_->start();
        server_->stop();
        const std::string certificate = Poco::Path(server_->dataDir(), "desk_certificate.pem").toString();
        const std::string key = Poco::Path(server_->dataDir(), "desk_key.pem").toString();
        Poco::File(server_->tlsCertificateFile()).renameTo(certificate);
        Poco::File(server_->tlsPrivateKeyFile()).renameTo(key);

        // Only one of the two files: refused at start, naming both settings.
        server_->define("ringdesk.ims.tls.certificateFile", certificate);
        try {
            server_->start();
            CPPUNIT_FAIL("the server started with a certificate file but no key file");
        } catch (const std::runtime_error& e) {
            CPPUNIT_ASSERT_MESSAGE(e.what(), std::string(e.what()).find("must be set together") != std::string::npos);
        }

        server_->define("ringdesk.ims.tls.privateKeyFile", key);
        server_->define("ringdesk.operator.tls.certificateFile", certificate);
        server_->define("ringdesk.operator.tls.privateKeyFile", key);
        server_->start();
        CPPUNIT_ASSERT(!Poco::File(server_->tlsCertificateFile()).exists()); // nothing generated
        ImsClient alice(server_->imsTlsPort(), operator_client::TlsOptions{certificate});
        CPPUNIT_ASSERT_EQUAL(std::string("<LOGIN user=\"alice\" result=\"1\"/>"), alice.login("alice", "pa"));
    }

private:
    operator_client::TlsOptions trustServer() const { return {server_->tlsCertificateFile()}; }

    std::unique_ptr<integration::ServerProcess> server_;
};

CPPUNIT_TEST_SUITE_REGISTRATION(ImsTlsTest);

} // namespace ringdesk::ims_tests
