// The operator endpoint over TLS (docs/protocol.md, "TLS") with the session library against the
// real server: the self-signed certificate the server creates trusted as the CA file, a chat in
// raw mode inside TLS, and the refusals: a certificate from another server, the system's
// authorities for a self-signed server, TLS spoken to the plain port, and a handshake that
// never gets an answer; a certificate that does not name the address connected to.
#include "operator-client/session/nlchat_client.h"
#include "operator-client/session/operator_engine.h"
#include "support/server_process.h"
#include "support/test_peers.h"
#include "support/waits.h"

#include <Poco/Net/ServerSocket.h>

#include <cppunit/extensions/HelperMacros.h>

namespace ringdesk::integration {

using namespace operator_client;
using std::chrono::milliseconds;

namespace {

SessionSettings tlsSettings(const ServerProcess& server, const std::string& caFile)
{
    SessionSettings settings;
    settings.host = kHost;
    settings.port = server.operatorTlsPort();
    settings.username = "ivy";
    settings.password = "ivy-secret";
    settings.tls = TlsOptions{caFile};
    settings.connectTimeout = kDeadline;
    settings.loginTimeout = kDeadline;
    settings.reconnectInitial = milliseconds(100);
    settings.reconnectMax = milliseconds(1000);
    return settings;
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

} // namespace

class TlsOperatorTest : public CppUnit::TestFixture
{
    CPPUNIT_TEST_SUITE(TlsOperatorTest);
    CPPUNIT_TEST(testRawChatInsideTls);
    CPPUNIT_TEST(testCertificateOfAnotherServerIsRefused);
    CPPUNIT_TEST(testSystemAuthoritiesRefuseSelfSignedServer);
    CPPUNIT_TEST(testTlsToThePlainPortFailsWithoutVerificationError);
    CPPUNIT_TEST(testSilentServerBoundsTheHandshake);
    CPPUNIT_TEST(testCertificateForAnotherAddressIsRefused);
    CPPUNIT_TEST_SUITE_END();

public:
    void setUp() override
    {
        server_ = std::make_unique<ServerProcess>();
        server_->enableTls();
        server_->addUser("ivy", "ivy-secret", "Ivy Ives");
        server_->start();
    }
    void tearDown() override { server_.reset(); }

    void testRawChatInsideTls()
    {
        CPPUNIT_ASSERT(server_->operatorTlsPort() != 0);
        CPPUNIT_ASSERT(server_->operatorTlsPort() != server_->operatorPort());
        SessionSettings settings = tlsSettings(*server_, server_->tlsCertificateFile());
        // Raw mode set up by the session: its key pair generated, the server's key fetched.
        settings.rawMode = SessionSettings::RawModeSetup{std::nullopt, server_->httpPort()};
        OperatorEngine session(settings, [] {});
        session.start();
        awaitEvent<Connecting>(session);
        awaitEvent<Connected>(session);
        CPPUNIT_ASSERT_EQUAL(std::string("Ivy Ives"), awaitEvent<LoggedIn>(session).displayName);

        visitor::Welcome welcome;
        auto visitor = connectVisitor(*server_, "Jill", welcome);
        visitor->send(visitor::SendMsg{"Is this line private?"});
        const nlchat::Ring ring = awaitEvent<RingOffered>(session).ring;
        session.accept(ring.id);
        awaitEvent<RingWon>(session);
        CPPUNIT_ASSERT_EQUAL(std::string("Is this line private?"), awaitEvent<MessageReceived>(session).text);

        // Longer than one TLS record (16 KiB) is not allowed by the line limit, but several
        // records' worth of lines in a row must all arrive.
        session.sendMessage(ring.id, longNonAsciiText(600));
        const auto reply =
            awaitMessage<visitor::ChatMessage>(*visitor, [](const visitor::ChatMessage& m) { return m.fromOperator; });
        CPPUNIT_ASSERT_EQUAL(longNonAsciiText(600), reply.text);
        for (int i = 0; i < 20; ++i)
            visitor->send(visitor::SendMsg{"line " + std::to_string(i) + " " + longNonAsciiText(2000)});
        for (int i = 0; i < 20; ++i)
            CPPUNIT_ASSERT_EQUAL("line " + std::to_string(i) + " " + longNonAsciiText(2000),
                                 awaitEvent<MessageReceived>(session).text);

        session.disconnect();
        CPPUNIT_ASSERT(!awaitEvent<ConnectionLost>(session).retryIn.has_value());
    }

    void testCertificateOfAnotherServerIsRefused()
    {
        ServerProcess other;
        other.enableTls();
        other.start();
        other.stop();
        OperatorEngine session(tlsSettings(*server_, other.tlsCertificateFile()), [] {});
        session.start();
        awaitEvent<Connecting>(session);
        // Refused for good: no retry, and the reason says why.
        const ConnectionLost lost = awaitEvent<ConnectionLost>(session);
        CPPUNIT_ASSERT(!lost.retryIn.has_value());
        CPPUNIT_ASSERT_MESSAGE(lost.reason, contains(lost.reason, "TLS certificate"));
        CPPUNIT_ASSERT_MESSAGE(lost.reason, contains(lost.reason, "refused"));
        CPPUNIT_ASSERT_MESSAGE(lost.reason, contains(lost.reason, other.tlsCertificateFile()));

        // The server is unharmed: the right certificate still gets in.
        NlchatClient connection(ConnectionOptions{{}, {}, true, 65536, TlsOptions{server_->tlsCertificateFile()}});
        connection.connect(kHost, server_->operatorTlsPort(), kDeadline);
        CPPUNIT_ASSERT_EQUAL(int(nlchat::LoginResult::kOk),
                             connection.login("ivy", "ivy-secret", kDeadline).result);
    }

    void testSystemAuthoritiesRefuseSelfSignedServer()
    {
        NlchatClient connection(ConnectionOptions{{}, {}, true, 65536, TlsOptions{}});
        try {
            connection.connect(kHost, server_->operatorTlsPort(), kDeadline);
            CPPUNIT_FAIL("a self-signed certificate passed the system's authorities");
        } catch (const TlsVerificationError& e) {
            CPPUNIT_ASSERT_MESSAGE(e.what(), contains(e.what(), "self-signed certificate"));
        }
        CPPUNIT_ASSERT(!connection.isOpen());
    }

    void testTlsToThePlainPortFailsWithoutVerificationError()
    {
        NlchatClient connection(ConnectionOptions{{}, {}, true, 65536, TlsOptions{server_->tlsCertificateFile()}});
        try {
            connection.connect(kHost, server_->operatorPort(), kDeadline);
            CPPUNIT_FAIL("a TLS handshake succeeded with the plain port");
        } catch (const TlsVerificationError& e) {
            CPPUNIT_FAIL(std::string("not a certificate problem: ") + e.what());
        } catch (const ConnectionError& e) {
            CPPUNIT_ASSERT_MESSAGE(e.what(), contains(e.what(), "cannot connect with TLS"));
        }
        // And plain clients on the plain port are served as before.
        NlchatClient plain;
        plain.connect(kHost, server_->operatorPort(), kDeadline);
        CPPUNIT_ASSERT_EQUAL(int(nlchat::LoginResult::kOk), plain.login("ivy", "ivy-secret", kDeadline).result);
    }

    void testSilentServerBoundsTheHandshake()
    {
        // The kernel accepts the TCP connection; no TLS answer ever comes. The connect timeout
        // bounds the handshake too, so this ends with an error instead of hanging.
        Poco::Net::ServerSocket silent(Poco::Net::SocketAddress(kHost, 0));
        NlchatClient connection(ConnectionOptions{{}, {}, true, 65536, TlsOptions{server_->tlsCertificateFile()}});
        CPPUNIT_ASSERT_THROW(connection.connect(kHost, silent.address().port(), milliseconds(300)), ConnectionError);
        CPPUNIT_ASSERT(!connection.isOpen());
    }

    void testCertificateForAnotherAddressIsRefused()
    {
        // The generated certificate names localhost, the host's name, 127.0.0.1 and ::1; the
        // IMS endpoint listens on every address, so 127.0.0.2 reaches it under another name.
        try {
            connectTls("127.0.0.2", server_->imsTlsPort(), TlsOptions{server_->tlsCertificateFile()}, kDeadline);
            CPPUNIT_FAIL("a certificate for 127.0.0.1 passed for 127.0.0.2");
        } catch (const TlsVerificationError& e) {
            CPPUNIT_ASSERT_MESSAGE(e.what(), contains(e.what(), "mismatch"));
        }
        Poco::Net::StreamSocket named =
            connectTls("localhost", server_->imsTlsPort(), TlsOptions{server_->tlsCertificateFile()}, kDeadline);
        CPPUNIT_ASSERT(named.secure());
    }

private:
    std::unique_ptr<ServerProcess> server_;
};

CPPUNIT_TEST_SUITE_REGISTRATION(TlsOperatorTest);

} // namespace ringdesk::integration
