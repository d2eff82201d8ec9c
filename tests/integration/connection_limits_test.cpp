// Connection limits on the real server (docs/configuration.md, "Connections per address and
// the login deadline"): each port closes at once a connection from an address that already
// has maxConnectionsPerAddress open and takes one again when a place frees; /metrics counts
// the refusals; operator and IMS connections that do not log in are closed at the deadline.
#include "support/ims_client.h"
#include "support/server_process.h"
#include "support/test_peers.h"
#include "support/waits.h"

#include "protocol/protocol_error.h"

#include <Poco/Net/NetException.h>
#include <Poco/Net/StreamSocket.h>

#include <cppunit/extensions/HelperMacros.h>

#include <chrono>
#include <memory>
#include <optional>
#include <stdexcept>
#include <thread>
#include <vector>

namespace ringdesk::integration {
namespace {

using namespace std::chrono_literals;

/// A raw TCP connection to the operator port: true when the server greets it (server_online),
/// false when it closes it without a word.
bool greeted(Poco::Net::StreamSocket& socket, std::uint16_t port)
{
    socket.connect(Poco::Net::SocketAddress(kHost, port), Poco::Timespan(5, 0));
    socket.setReceiveTimeout(Poco::Timespan(10, 0));
    char first[64];
    return socket.receiveBytes(first, sizeof(first)) > 0;
}

bool hasLine(const std::string& text, const std::string& line)
{
    return text.find(line + "\n") != std::string::npos;
}

/// Calls `attempt` until it returns a value (the server frees a place once it has seen a close,
/// which takes a moment); throws std::runtime_error after kDeadline.
template <class Attempt>
auto retryUntilAccepted(Attempt attempt, const std::string& what)
{
    const auto deadline = std::chrono::steady_clock::now() + kDeadline;
    for (;;) {
        if (auto value = attempt())
            return value;
        if (std::chrono::steady_clock::now() >= deadline)
            throw std::runtime_error("no " + what + " within the deadline");
        std::this_thread::sleep_for(50ms);
    }
}

} // namespace

class ConnectionLimitsTest : public CppUnit::TestFixture
{
    CPPUNIT_TEST_SUITE(ConnectionLimitsTest);
    CPPUNIT_TEST(testOperatorPortClosesTheConnectionOverTheCap);
    CPPUNIT_TEST(testImsPortClosesTheConnectionOverTheCap);
    CPPUNIT_TEST(testVisitorWebSocketOverTheCapIsRefused);
    CPPUNIT_TEST(testConnectionsWithoutLoginAreClosedAtTheDeadline);
    CPPUNIT_TEST_SUITE_END();

public:
    void setUp() override
    {
        server_ = std::make_unique<ServerProcess>();
        server_->addUser("alice", "alice-secret", "Alice");
        for (const char* port : {"operator", "ims", "visitor"})
            server_->define(std::string("ringdesk.") + port + ".maxConnectionsPerAddress", "2");
        server_->define("ringdesk.login.timeoutMs", "2000");
        server_->start();
    }

    void tearDown() override { server_.reset(); }

    void testOperatorPortClosesTheConnectionOverTheCap()
    {
        std::vector<Poco::Net::StreamSocket> open(2);
        for (Poco::Net::StreamSocket& socket : open)
            CPPUNIT_ASSERT(greeted(socket, server_->operatorPort()));
        Poco::Net::StreamSocket third;
        CPPUNIT_ASSERT(!greeted(third, server_->operatorPort()));
        CPPUNIT_ASSERT(hasLine(server_->metrics(), "ringdesk_connections_refused_total{port=\"operator\"} 1"));

        // A place frees when one closes.
        open[0].close();
        const auto replacement = retryUntilAccepted(
            [&]() -> std::optional<Poco::Net::StreamSocket> {
                Poco::Net::StreamSocket socket;
                if (!greeted(socket, server_->operatorPort()))
                    return std::nullopt;
                return socket;
            },
            "operator connection after one closed");
        Poco::Net::StreamSocket fourth;
        CPPUNIT_ASSERT(!greeted(fourth, server_->operatorPort()));
    }

    void testImsPortClosesTheConnectionOverTheCap()
    {
        ims_tests::ImsClient first(server_->imsPort());
        ims_tests::ImsClient second(server_->imsPort());
        ims_tests::ImsClient third(server_->imsPort());
        CPPUNIT_ASSERT(third.closedWithin(5s));
        first.sendExpectEcho("<ALIVE/>"); // the first two are served
        CPPUNIT_ASSERT(hasLine(server_->metrics(), "ringdesk_connections_refused_total{port=\"ims\"} 1"));
    }

    void testVisitorWebSocketOverTheCapIsRefused()
    {
        visitor::Welcome welcome;
        auto first = connectVisitor(*server_, "Ann", welcome);
        auto second = connectVisitor(*server_, "Ben", welcome);
        try {
            VisitorClient third(kHost, server_->httpPort());
            CPPUNIT_FAIL("a third visitor WebSocket from one address was accepted");
        } catch (const Poco::Net::WebSocketException&) {
            // 429 Too Many Requests: the handshake fails
        }
        CPPUNIT_ASSERT(hasLine(server_->metrics(), "ringdesk_connections_refused_total{port=\"visitor\"} 1"));
        first->close();
        retryUntilAccepted(
            [&]() -> std::unique_ptr<VisitorClient> {
                try {
                    return connectVisitor(*server_, "Cat", welcome);
                } catch (const Poco::Net::WebSocketException&) {
                    return nullptr; // the server has not seen the close yet
                }
            },
            "visitor WebSocket after one closed");
    }

    void testConnectionsWithoutLoginAreClosedAtTheDeadline()
    {
        operator_client::NlchatClient op;
        op.connect(kHost, server_->operatorPort(), kDeadline);
        awaitPacket<nlchat::ServerOnline>(op);
        ims_tests::ImsClient ims(server_->imsPort());
        auto alice = connectOperator(*server_, "alice", "alice-secret", "Alice");
        const nlchat::Error error = awaitPacket<nlchat::Error>(op);
        CPPUNIT_ASSERT_EQUAL(std::string(protocol::error_code::kNotLoggedIn), error.code);
        CPPUNIT_ASSERT_EQUAL(std::string("no login within 2 s"), error.message);
        CPPUNIT_ASSERT_THROW(awaitPacket<nlchat::Packet>(op), operator_client::ConnectionError);
        CPPUNIT_ASSERT(ims.closedWithin(10s));
        // The operator that logged in is not affected: it is past the deadline now.
        alice->send(nlchat::Key{alice->uuid(), {}}); // answered with status (spec 2.1)
        CPPUNIT_ASSERT_NO_THROW(awaitPacket<nlchat::Status>(*alice));
    }

private:
    std::unique_ptr<ServerProcess> server_;
};

CPPUNIT_TEST_SUITE_REGISTRATION(ConnectionLimitsTest);

} // namespace ringdesk::integration
