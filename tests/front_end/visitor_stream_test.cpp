// Visitor WebSockets after the handshake (http::VisitorStream) over a socket pair, with the
// real dispatcher and core (front_end_harness.h): messages in and out, control frames, frames
// the endpoint refuses, and the close handshake.

#include "front_end_harness.h"
#include "wire.h"

#include "protocol/protocol_error.h"

#include <cppunit/extensions/HelperMacros.h>

#include <algorithm>
#include <array>
#include <vector>

namespace ringdesk::front_end_tests {

namespace ws = protocol::websocket;

class VisitorStreamTest : public CppUnit::TestFixture
{
    CPPUNIT_TEST_SUITE(VisitorStreamTest);
    CPPUNIT_TEST(testHelloIsWelcomed);
    CPPUNIT_TEST(testMessageBeforeHelloIsRefusedByTheCore);
    CPPUNIT_TEST(testPingIsAnsweredWithPong);
    CPPUNIT_TEST(testBinaryFrameAndBadJsonAreRefusedAndTheConnectionStays);
    CPPUNIT_TEST(testUnmaskedFrameClosesTheConnection);
    CPPUNIT_TEST(testCloseFrameIsAnsweredAndTheConnectionEnds);
    CPPUNIT_TEST(testMessagesOverTheRateAreRefusedAndTheConnectionStays);
    CPPUNIT_TEST_SUITE_END();

    static std::string clientFrame(const visitor::ClientMessage& message)
    {
        return ws::encodeFrame(ws::Opcode::kText, visitor::encodeClient(message), true,
                               std::array<std::uint8_t, 4>{0x12, 0x34, 0x56, 0x78});
    }

public:
    void testHelloIsWelcomed()
    {
        FrontEndHarness harness;
        test_support::PeerSocket peer = harness.connectVisitor();
        sendVisitor(peer, visitor::Hello{{}, 0, "Lou", {}});
        const visitor::Welcome welcome = awaitVisitor<visitor::Welcome>(peer);
        CPPUNIT_ASSERT(!welcome.token.empty());
        CPPUNIT_ASSERT(!welcome.visitor.empty());
    }

    void testMessageBeforeHelloIsRefusedByTheCore()
    {
        FrontEndHarness harness;
        test_support::PeerSocket peer = harness.connectVisitor();
        sendVisitor(peer, visitor::SendMsg{"too early"});
        CPPUNIT_ASSERT_EQUAL(std::string(protocol::error_code::kHelloFirst),
                             awaitVisitor<visitor::ErrorReply>(peer).code);
    }

    void testPingIsAnsweredWithPong()
    {
        FrontEndHarness harness;
        test_support::PeerSocket peer = harness.connectVisitor();
        sendFrame(peer, ws::Opcode::kPing, "are you there");
        const ServerFrame pong = readFrame(peer);
        CPPUNIT_ASSERT(pong.opcode == ws::Opcode::kPong);
        CPPUNIT_ASSERT_EQUAL(std::string("are you there"), pong.payload);
    }

    void testBinaryFrameAndBadJsonAreRefusedAndTheConnectionStays()
    {
        FrontEndHarness harness;
        test_support::PeerSocket peer = harness.connectVisitor();
        sendFrame(peer, ws::Opcode::kBinary, "\x01\x02");
        CPPUNIT_ASSERT_EQUAL(std::string(protocol::error_code::kBadJson),
                             awaitVisitor<visitor::ErrorReply>(peer).code);
        sendFrame(peer, ws::Opcode::kText, "{not json");
        CPPUNIT_ASSERT_EQUAL(std::string(protocol::error_code::kBadJson),
                             awaitVisitor<visitor::ErrorReply>(peer).code);
        sendVisitor(peer, visitor::Hello{{}, 0, "Lou", {}});
        awaitVisitor<visitor::Welcome>(peer);
    }

    void testUnmaskedFrameClosesTheConnection()
    {
        FrontEndHarness harness;
        test_support::PeerSocket peer = harness.connectVisitor();
        peer.send(ws::encodeFrame(ws::Opcode::kText, "{}")); // a server frame: no mask
        const ServerFrame close = readFrame(peer);
        CPPUNIT_ASSERT(close.opcode == ws::Opcode::kClose);
        CPPUNIT_ASSERT_EQUAL(ws::close_code::kProtocolError, ws::closeStatus(close.payload).value_or(0));
        CPPUNIT_ASSERT(peer.readUntilClosed().has_value());
    }

    void testCloseFrameIsAnsweredAndTheConnectionEnds()
    {
        FrontEndHarness harness;
        test_support::PeerSocket peer = harness.connectVisitor();
        sendFrame(peer, ws::Opcode::kClose, std::string("\x03\xe8", 2)); // 1000
        const ServerFrame close = readFrame(peer);
        CPPUNIT_ASSERT(close.opcode == ws::Opcode::kClose);
        CPPUNIT_ASSERT_EQUAL(ws::close_code::kNormal, ws::closeStatus(close.payload).value_or(0));
        CPPUNIT_ASSERT(peer.readUntilClosed().has_value());
    }

    void testMessagesOverTheRateAreRefusedAndTheConnectionStays();
};

CPPUNIT_TEST_SUITE_REGISTRATION(VisitorStreamTest);

// Burst 3 at one a second: of four messages sent in one write the fourth is refused at the
// edge (never reaches the core) with `rate_limited`; the connection stays.
void VisitorStreamTest::testMessagesOverTheRateAreRefusedAndTheConnectionStays()
{
    FrontEndHarness::Settings settings;
    settings.visitorMessages = core::RateLimit{1, 3};
    FrontEndHarness harness(settings);
    test_support::PeerSocket peer = harness.connectVisitor();
    peer.send(clientFrame(visitor::Hello{{}, 0, "Lou", {}}) + clientFrame(visitor::SendMsg{"one"}) +
              clientFrame(visitor::SendMsg{"two"}) + clientFrame(visitor::SendMsg{"three"}));
    const visitor::ErrorReply refused = awaitVisitor<visitor::ErrorReply>(peer);
    CPPUNIT_ASSERT_EQUAL(std::string(protocol::error_code::kRateLimited), refused.code);
    CPPUNIT_ASSERT_EQUAL(std::string("too many messages; retry in 1 s"), refused.message);
    harness.settle();
    sendFrame(peer, ws::Opcode::kPing, "still there");
    std::vector<std::string> texts;
    for (;;) {
        const ServerFrame frame = readFrame(peer);
        if (frame.opcode == ws::Opcode::kPong)
            break;
        if (frame.opcode != ws::Opcode::kText)
            continue;
        if (const auto decoded = visitor::decodeServer(frame.payload);
            const auto* message = std::get_if<visitor::ChatMessage>(&decoded))
            texts.push_back(message->text);
    }
    CPPUNIT_ASSERT(std::find(texts.begin(), texts.end(), "three") == texts.end());
}

} // namespace ringdesk::front_end_tests
