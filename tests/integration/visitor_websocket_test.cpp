// The visitor WebSocket's framing against the real server (docs/visitor-api.md; RFC 6455):
// hand-made frames over a plain socket, so the handshake, pings, fragments, limits and
// protocol violations are exercised byte by byte.
#include "support/server_process.h"
#include "support/test_peers.h"
#include "support/waits.h"

#include "protocol/visitor_message.h"
#include "protocol/websocket_frame.h"

#include <Poco/Net/SocketAddress.h>
#include <Poco/Net/StreamSocket.h>

#include <cppunit/extensions/HelperMacros.h>

namespace ringdesk::integration {

namespace ws = protocol::websocket;

namespace {

constexpr std::array<std::uint8_t, 4> kMask{0x12, 0x34, 0x56, 0x78};
constexpr const char* kKey = "dGhlIHNhbXBsZSBub25jZQ==";

std::string masked(ws::Opcode opcode, std::string_view payload, bool final = true)
{
    return ws::encodeFrame(opcode, payload, final, kMask);
}

std::string helloFrame(const std::string& name)
{
    return masked(ws::Opcode::kText, visitor::encodeClient(visitor::Hello{"", 0, name, "/"}));
}

/// A visitor speaking raw bytes: the handshake request, then frames.
class RawVisitor
{
public:
    explicit RawVisitor(std::uint16_t port) : socket_(Poco::Net::SocketAddress(kHost, port))
    {
        socket_.setReceiveTimeout(Poco::Timespan(20, 0));
    }

    void send(const std::string& bytes) { socket_.sendBytes(bytes.data(), static_cast<int>(bytes.size())); }

    /// Sends the upgrade request followed by `after` in the same write; returns the response head.
    std::string handshake(const std::string& after = {}, const std::string& version = "13")
    {
        send("GET /visitor/ws HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
             "Sec-WebSocket-Key: " + std::string(kKey) + "\r\nSec-WebSocket-Version: " + version + "\r\n\r\n" +
             after);
        while (buffer_.find("\r\n\r\n") == std::string::npos)
            if (!fill())
                break;
        const std::size_t end = buffer_.find("\r\n\r\n");
        CPPUNIT_ASSERT_MESSAGE("no HTTP response head", end != std::string::npos);
        std::string head = buffer_.substr(0, end + 4);
        buffer_.erase(0, end + 4);
        return head;
    }

    /// The next server frame (server frames are unmasked), or nullopt when the server closed.
    std::optional<ws::Message> frame()
    {
        for (;;) {
            if (buffer_.size() >= 2) {
                const auto* b = reinterpret_cast<const std::uint8_t*>(buffer_.data());
                CPPUNIT_ASSERT_MESSAGE("server frames are final and unmasked", (b[0] & 0x80) && !(b[1] & 0x80));
                std::size_t header = 2;
                std::size_t length = b[1] & 0x7F;
                CPPUNIT_ASSERT(length < 127);
                bool complete = true;
                if (length == 126) {
                    header = 4;
                    complete = buffer_.size() >= 4;
                    length = complete ? (std::size_t{b[2]} << 8 | b[3]) : 0;
                }
                if (complete && buffer_.size() >= header + length) {
                    ws::Message message{static_cast<ws::Opcode>(b[0] & 0x0F), buffer_.substr(header, length)};
                    buffer_.erase(0, header + length);
                    return message;
                }
            }
            if (!fill())
                return std::nullopt;
        }
    }

    /// The next text frame as a server message (skipping nothing: another opcode fails).
    visitor::ServerMessage message()
    {
        auto next = frame();
        CPPUNIT_ASSERT_MESSAGE("the server closed instead of answering", next.has_value());
        CPPUNIT_ASSERT(next->opcode == ws::Opcode::kText);
        return visitor::decodeServer(next->payload);
    }

    /// Expects a close frame with `status`, then the end of the stream.
    void expectClose(std::uint16_t status)
    {
        auto close = frame();
        CPPUNIT_ASSERT_MESSAGE("expected a close frame", close && close->opcode == ws::Opcode::kClose);
        CPPUNIT_ASSERT_EQUAL(status, ws::closeStatus(close->payload).value_or(0));
        CPPUNIT_ASSERT_MESSAGE("the server kept the connection after its close frame", !frame());
    }

private:
    bool fill()
    {
        char chunk[4096];
        try {
            const int n = socket_.receiveBytes(chunk, sizeof chunk);
            if (n <= 0)
                return false;
            buffer_.append(chunk, static_cast<std::size_t>(n));
            return true;
        } catch (const Poco::Exception&) {
            return false; // reset by the server
        }
    }

    Poco::Net::StreamSocket socket_;
    std::string buffer_;
};

} // namespace

class VisitorWebSocketTest : public CppUnit::TestFixture
{
    CPPUNIT_TEST_SUITE(VisitorWebSocketTest);
    CPPUNIT_TEST(testHandshakeWithPipelinedFirstFrame);
    CPPUNIT_TEST(testPingFragmentsAndClose);
    CPPUNIT_TEST(testOversizeMessageGetsTooLargeThenClose);
    CPPUNIT_TEST(testUnmaskedFrameClosesWithProtocolError);
    CPPUNIT_TEST(testBinaryMessageRefusedAndConnectionStays);
    CPPUNIT_TEST(testBadHandshakeRefused);
    CPPUNIT_TEST_SUITE_END();

public:
    void setUp() override
    {
        server_ = std::make_unique<ServerProcess>();
        server_->start();
    }

    void tearDown() override { server_.reset(); }

    void testHandshakeWithPipelinedFirstFrame()
    {
        // The hello arrives in the same packet as the upgrade request.
        RawVisitor visitor(server_->httpPort());
        const std::string head = visitor.handshake(helloFrame("Pia"));
        CPPUNIT_ASSERT_MESSAGE(head, head.rfind("HTTP/1.1 101", 0) == 0);
        CPPUNIT_ASSERT_MESSAGE(head, head.find("Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=") != std::string::npos);
        CPPUNIT_ASSERT(std::holds_alternative<visitor::Welcome>(visitor.message()));
    }

    void testPingFragmentsAndClose()
    {
        RawVisitor visitor(server_->httpPort());
        visitor.handshake();
        visitor.send(masked(ws::Opcode::kPing, "are you there"));
        auto pong = visitor.frame();
        CPPUNIT_ASSERT(pong && pong->opcode == ws::Opcode::kPong);
        CPPUNIT_ASSERT_EQUAL(std::string("are you there"), pong->payload);

        // A hello in three fragments with a ping between them is one message.
        const std::string hello = visitor::encodeClient(visitor::Hello{"", 0, "Quinn", "/"});
        visitor.send(masked(ws::Opcode::kText, hello.substr(0, 5), false) + masked(ws::Opcode::kPing, "x") +
                     masked(ws::Opcode::kContinuation, hello.substr(5, 5), false) +
                     masked(ws::Opcode::kContinuation, hello.substr(10), true));
        auto between = visitor.frame();
        CPPUNIT_ASSERT(between && between->opcode == ws::Opcode::kPong);
        CPPUNIT_ASSERT(std::holds_alternative<visitor::Welcome>(visitor.message()));

        visitor.send(ws::encodeFrame(ws::Opcode::kClose, std::string("\x03\xE8", 2), true, kMask));
        visitor.expectClose(ws::close_code::kNormal);
    }

    void testOversizeMessageGetsTooLargeThenClose()
    {
        RawVisitor visitor(server_->httpPort());
        visitor.handshake();
        visitor.send(masked(ws::Opcode::kText, std::string(20000, 'x'))); // limit: 16 384
        const auto reply = visitor.message();
        const auto* error = std::get_if<visitor::ErrorReply>(&reply);
        CPPUNIT_ASSERT(error);
        CPPUNIT_ASSERT_EQUAL(std::string(protocol::error_code::kTooLarge), error->code);
        visitor.expectClose(ws::close_code::kTooBig);
        // The server still serves others.
        RawVisitor other(server_->httpPort());
        other.handshake(helloFrame("Rae"));
        CPPUNIT_ASSERT(std::holds_alternative<visitor::Welcome>(other.message()));
    }

    void testUnmaskedFrameClosesWithProtocolError()
    {
        RawVisitor visitor(server_->httpPort());
        visitor.handshake();
        visitor.send(ws::encodeFrame(ws::Opcode::kText, visitor::encodeClient(visitor::Hello{"", 0, "Sam", "/"})));
        visitor.expectClose(ws::close_code::kProtocolError);
    }

    void testBinaryMessageRefusedAndConnectionStays()
    {
        RawVisitor visitor(server_->httpPort());
        visitor.handshake();
        visitor.send(masked(ws::Opcode::kBinary, "{}"));
        const auto reply = visitor.message();
        const auto* error = std::get_if<visitor::ErrorReply>(&reply);
        CPPUNIT_ASSERT(error);
        CPPUNIT_ASSERT_EQUAL(std::string(protocol::error_code::kBadJson), error->code);
        visitor.send(helloFrame("Tess"));
        CPPUNIT_ASSERT(std::holds_alternative<visitor::Welcome>(visitor.message()));
    }

    void testBadHandshakeRefused()
    {
        RawVisitor visitor(server_->httpPort());
        const std::string head = visitor.handshake({}, "8");
        CPPUNIT_ASSERT_MESSAGE(head, head.rfind("HTTP/1.1 400", 0) == 0);
    }

private:
    std::unique_ptr<ServerProcess> server_;
};

CPPUNIT_TEST_SUITE_REGISTRATION(VisitorWebSocketTest);

} // namespace ringdesk::integration
