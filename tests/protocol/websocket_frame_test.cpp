#include "protocol/websocket_frame.h"

#include <cppunit/extensions/HelperMacros.h>

namespace ws = ringdesk::protocol::websocket;

namespace {

constexpr std::array<std::uint8_t, 4> kMask{0x37, 0xFA, 0x21, 0x3D};

std::string masked(ws::Opcode opcode, const std::string& payload, bool final = true)
{
    return ws::encodeFrame(opcode, payload, final, kMask);
}

} // namespace

class WebSocketFrameTest : public CppUnit::TestFixture
{
    CPPUNIT_TEST_SUITE(WebSocketFrameTest);
    CPPUNIT_TEST(testRfcMaskedHelloExample);
    CPPUNIT_TEST(testFrameSplitAcrossReads);
    CPPUNIT_TEST(testExtendedLengths);
    CPPUNIT_TEST(testFragmentsJoinedAroundPing);
    CPPUNIT_TEST(testUnmaskedFrameRefused);
    CPPUNIT_TEST(testOversizeRefusedFromHeader);
    CPPUNIT_TEST(testFragmentedOversizeRefused);
    CPPUNIT_TEST(testControlFrameRules);
    CPPUNIT_TEST(testContinuationWithoutStartRefused);
    CPPUNIT_TEST(testServerFramesUnmasked);
    CPPUNIT_TEST(testCloseFrame);
    CPPUNIT_TEST(testAcceptKeyFromRfc);
    CPPUNIT_TEST_SUITE_END();

public:
    void testRfcMaskedHelloExample()
    {
        // RFC 6455 §5.7: a single-frame masked text message "Hello".
        const unsigned char bytes[] = {0x81, 0x85, 0x37, 0xfa, 0x21, 0x3d, 0x7f, 0x9f, 0x4d, 0x51, 0x58};
        ws::FrameDecoder decoder(100);
        decoder.feed(reinterpret_cast<const char*>(bytes), sizeof bytes);
        const auto message = decoder.next();
        CPPUNIT_ASSERT(message);
        CPPUNIT_ASSERT(message->opcode == ws::Opcode::kText);
        CPPUNIT_ASSERT_EQUAL(std::string("Hello"), message->payload);
        CPPUNIT_ASSERT(!decoder.next());
        CPPUNIT_ASSERT_EQUAL(std::string(reinterpret_cast<const char*>(bytes), sizeof bytes),
                             masked(ws::Opcode::kText, "Hello"));
    }

    void testFrameSplitAcrossReads()
    {
        const std::string stream = masked(ws::Opcode::kText, "{\"type\":\"hello\"}") +
                                   masked(ws::Opcode::kText, "second");
        ws::FrameDecoder decoder(100);
        std::vector<std::string> seen;
        for (char byte : stream) {
            decoder.feed(&byte, 1);
            while (auto message = decoder.next())
                seen.push_back(message->payload);
        }
        CPPUNIT_ASSERT_EQUAL(std::size_t{2}, seen.size());
        CPPUNIT_ASSERT_EQUAL(std::string("{\"type\":\"hello\"}"), seen[0]);
        CPPUNIT_ASSERT_EQUAL(std::string("second"), seen[1]);
    }

    void testExtendedLengths()
    {
        const std::string medium(300, 'm');    // 16-bit length
        const std::string large(70000, 'L');   // 64-bit length
        ws::FrameDecoder decoder(100000);
        const std::string stream = masked(ws::Opcode::kBinary, medium) + masked(ws::Opcode::kText, large);
        decoder.feed(stream.data(), stream.size());
        auto first = decoder.next();
        CPPUNIT_ASSERT(first && first->opcode == ws::Opcode::kBinary);
        CPPUNIT_ASSERT_EQUAL(medium, first->payload);
        auto second = decoder.next();
        CPPUNIT_ASSERT(second && second->opcode == ws::Opcode::kText);
        CPPUNIT_ASSERT_EQUAL(large, second->payload);
    }

    void testFragmentsJoinedAroundPing()
    {
        const std::string stream = masked(ws::Opcode::kText, "Hel", false) + masked(ws::Opcode::kPing, "p") +
                                   masked(ws::Opcode::kContinuation, "lo", false) +
                                   masked(ws::Opcode::kContinuation, "!", true);
        ws::FrameDecoder decoder(100);
        decoder.feed(stream.data(), stream.size());
        auto ping = decoder.next();
        CPPUNIT_ASSERT(ping && ping->opcode == ws::Opcode::kPing);
        CPPUNIT_ASSERT_EQUAL(std::string("p"), ping->payload);
        auto text = decoder.next();
        CPPUNIT_ASSERT(text && text->opcode == ws::Opcode::kText);
        CPPUNIT_ASSERT_EQUAL(std::string("Hello!"), text->payload);
        CPPUNIT_ASSERT(!decoder.next());
    }

    void testUnmaskedFrameRefused()
    {
        const std::string frame = ws::encodeFrame(ws::Opcode::kText, "hi");
        assertRefused(frame, 100, "bad_frame", ws::close_code::kProtocolError);
    }

    void testOversizeRefusedFromHeader()
    {
        // Only the header of a 1 MB frame arrives: refused before its payload is buffered.
        const std::string frame = masked(ws::Opcode::kText, std::string(1 << 20, 'x')).substr(0, 14);
        assertRefused(frame, 16384, "too_large", ws::close_code::kTooBig);
    }

    void testFragmentedOversizeRefused()
    {
        const std::string stream = masked(ws::Opcode::kText, std::string(60, 'a'), false) +
                                   masked(ws::Opcode::kContinuation, std::string(60, 'b'), true);
        assertRefused(stream, 100, "too_large", ws::close_code::kTooBig);
        ws::FrameDecoder atLimit(120);
        atLimit.feed(stream.data(), stream.size());
        CPPUNIT_ASSERT_EQUAL(std::size_t{120}, atLimit.next()->payload.size());
    }

    void testControlFrameRules()
    {
        std::string longPing = masked(ws::Opcode::kText, std::string(126, 'p'));
        longPing[0] = static_cast<char>(0x80 | 0x9); // a ping with a 126-byte payload
        assertRefused(longPing, 1000, "bad_frame", ws::close_code::kProtocolError);
        std::string fragmentedClose = masked(ws::Opcode::kText, "x", false);
        fragmentedClose[0] = static_cast<char>(0x8); // close without FIN
        assertRefused(fragmentedClose, 1000, "bad_frame", ws::close_code::kProtocolError);
        std::string reserved = masked(ws::Opcode::kText, "x");
        reserved[0] = static_cast<char>(reserved[0] | 0x40); // RSV1
        assertRefused(reserved, 1000, "bad_frame", ws::close_code::kProtocolError);
        std::string unknown = masked(ws::Opcode::kText, "x");
        unknown[0] = static_cast<char>(0x83); // opcode 3 is reserved
        assertRefused(unknown, 1000, "bad_frame", ws::close_code::kProtocolError);
        CPPUNIT_ASSERT_THROW(ws::encodeFrame(ws::Opcode::kPing, std::string(126, 'p')), std::invalid_argument);
    }

    void testContinuationWithoutStartRefused()
    {
        assertRefused(masked(ws::Opcode::kContinuation, "x"), 100, "bad_frame", ws::close_code::kProtocolError);
        const std::string twoStarts = masked(ws::Opcode::kText, "a", false) + masked(ws::Opcode::kText, "b");
        assertRefused(twoStarts, 100, "bad_frame", ws::close_code::kProtocolError);
    }

    void testServerFramesUnmasked()
    {
        const std::string small = ws::encodeFrame(ws::Opcode::kText, "Hello");
        CPPUNIT_ASSERT_EQUAL(std::string("\x81\x05Hello"), small);
        const std::string medium = ws::encodeFrame(ws::Opcode::kText, std::string(256, 'x'));
        CPPUNIT_ASSERT_EQUAL(std::size_t{4 + 256}, medium.size());
        CPPUNIT_ASSERT_EQUAL(126, static_cast<int>(static_cast<unsigned char>(medium[1])));
        CPPUNIT_ASSERT_EQUAL(1, static_cast<int>(static_cast<unsigned char>(medium[2])));
        CPPUNIT_ASSERT_EQUAL(0, static_cast<int>(static_cast<unsigned char>(medium[3])));
    }

    void testCloseFrame()
    {
        const std::string frame = ws::encodeClose(ws::close_code::kTooBig, std::string(200, 'r'));
        CPPUNIT_ASSERT_EQUAL(std::size_t{2 + 125}, frame.size());
        CPPUNIT_ASSERT_EQUAL(0x88, static_cast<int>(static_cast<unsigned char>(frame[0])));
        CPPUNIT_ASSERT_EQUAL(std::uint16_t{1009}, *ws::closeStatus(frame.substr(2)));
        CPPUNIT_ASSERT(!ws::closeStatus(""));
    }

    void testAcceptKeyFromRfc()
    {
        // RFC 6455 §1.3.
        CPPUNIT_ASSERT_EQUAL(std::string("s3pPLMBiTxaQ9kYGzzhZRbK+xOo="), ws::acceptKey("dGhlIHNhbXBsZSBub25jZQ=="));
    }

private:
    static void assertRefused(const std::string& bytes, std::size_t limit, const std::string& code,
                              std::uint16_t closeCode)
    {
        ws::FrameDecoder decoder(limit);
        decoder.feed(bytes.data(), bytes.size());
        try {
            while (decoder.next()) {
            }
            CPPUNIT_FAIL("expected " + code);
        } catch (const ws::FrameError& e) {
            CPPUNIT_ASSERT_EQUAL(code, e.code());
            CPPUNIT_ASSERT_EQUAL(closeCode, e.closeCode());
        }
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(WebSocketFrameTest);
