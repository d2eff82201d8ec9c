#include "protocol/nlchat_packet.h"
#include "protocol/protocol_error.h"

#include <cppunit/extensions/HelperMacros.h>

using namespace ringdesk::nlchat;
using ringdesk::protocol::ProtocolError;

namespace {

std::string errorCodeOf(const std::string& line)
{
    try {
        decode(line);
    } catch (const ProtocolError& e) {
        return e.code();
    }
    return "accepted";
}

template <typename T>
T roundTrip(const T& packet)
{
    const Packet decoded = decode(encode(packet));
    CPPUNIT_ASSERT(std::holds_alternative<T>(decoded));
    return std::get<T>(decoded);
}

} // namespace

class NlchatPacketTest : public CppUnit::TestFixture
{
    CPPUNIT_TEST_SUITE(NlchatPacketTest);
    CPPUNIT_TEST(testRingRoundTrip);
    CPPUNIT_TEST(testRingAckAndAckAck);
    CPPUNIT_TEST(testStatus);
    CPPUNIT_TEST(testMsgBothDirections);
    CPPUNIT_TEST(testKeyProbeDisconnectDisassociate);
    CPPUNIT_TEST(testChatState);
    CPPUNIT_TEST(testServerOnlineLoginLogoutError);
    CPPUNIT_TEST(testSpecFieldNames);
    CPPUNIT_TEST(testOriginalClientForms);
    CPPUNIT_TEST(testMalformedInput);
    CPPUNIT_TEST_SUITE_END();

public:
    void testRingRoundTrip()
    {
        const Ring r = roundTrip(Ring{42, "", 1764000055, "v-1", "Ann", "https://x/cart", "Hi ✓"});
        CPPUNIT_ASSERT_EQUAL(std::int64_t(42), r.id);
        CPPUNIT_ASSERT_EQUAL(std::int64_t(1764000055), r.time);
        CPPUNIT_ASSERT_EQUAL(std::string("Ann"), r.name);
        CPPUNIT_ASSERT_EQUAL(std::string("https://x/cart"), r.page);
        CPPUNIT_ASSERT_EQUAL(std::string("Hi ✓"), r.text);
    }

    void testRingAckAndAckAck()
    {
        const RingAck a = roundTrip(RingAck{"op-1", 7});
        CPPUNIT_ASSERT_EQUAL(std::string("op-1"), a.uuid);
        CPPUNIT_ASSERT_EQUAL(std::int64_t(7), a.id);
        const RingAckAck w = roundTrip(RingAckAck{"op-1", 7, "Alice", true});
        CPPUNIT_ASSERT_EQUAL(std::string("Alice"), w.operatorName);
        CPPUNIT_ASSERT(w.resumed);
        const RingAckAck timeout = roundTrip(RingAckAck{"", 7, "", false});
        CPPUNIT_ASSERT(timeout.uuid.empty());
        CPPUNIT_ASSERT(!timeout.resumed);
    }

    void testStatus()
    {
        const Status s = roundTrip(Status{{{"operator", "online"}, {"visitor", "offline"}}});
        CPPUNIT_ASSERT_EQUAL(std::size_t(2), s.services.size());
        CPPUNIT_ASSERT_EQUAL(std::string("visitor"), s.services[1].name);
        CPPUNIT_ASSERT_EQUAL(std::string("offline"), s.services[1].status);
    }

    void testMsgBothDirections()
    {
        const Msg in = roundTrip(Msg{{"one", "two \"quoted\"\n"}, Direction::In, "op-1", 3, 9, 1764000000123});
        CPPUNIT_ASSERT(in.io == Direction::In);
        CPPUNIT_ASSERT_EQUAL(std::string("two \"quoted\"\n"), in.msg[1]);
        CPPUNIT_ASSERT_EQUAL(std::int64_t(9), in.seq);
        CPPUNIT_ASSERT_EQUAL(std::int64_t(1764000000123), in.ts);
        const Msg out = roundTrip(Msg{{"reply"}, Direction::Out, "op-1", 0, 0, 0});
        CPPUNIT_ASSERT(out.io == Direction::Out);
        CPPUNIT_ASSERT_EQUAL(std::int64_t(0), out.id);
    }

    void testKeyProbeDisconnectDisassociate()
    {
        CPPUNIT_ASSERT_EQUAL(std::string("PEM"), roundTrip(Key{"u", "PEM"}).key);
        CPPUNIT_ASSERT_EQUAL(std::string("u"), roundTrip(Probe{"u"}).uuid);
        CPPUNIT_ASSERT_EQUAL(std::string("u"), roundTrip(ProbeAck{"u"}).uuid);
        CPPUNIT_ASSERT_EQUAL(std::string("u"), roundTrip(Disconnect{"u"}).uuid);
        CPPUNIT_ASSERT_EQUAL(std::int64_t(5), roundTrip(Disassociate{"u", 5}).id);
    }

    void testChatState()
    {
        const ChatState c = roundTrip(ChatState{"u", Direction::Out, "composing", 4});
        CPPUNIT_ASSERT(c.io == Direction::Out);
        CPPUNIT_ASSERT_EQUAL(std::string("composing"), c.state);
        CPPUNIT_ASSERT_EQUAL(std::int64_t(4), c.id);
    }

    void testServerOnlineLoginLogoutError()
    {
        CPPUNIT_ASSERT(std::holds_alternative<ServerOnline>(decode(encode(ServerOnline{}))));
        const Login request = roundTrip(Login{"alice", "s3cret", -1, ""});
        CPPUNIT_ASSERT_EQUAL(-1, request.result);
        CPPUNIT_ASSERT_EQUAL(std::string("s3cret"), request.password);
        const Login answer = roundTrip(Login{"alice", "", 1, "Alice A."});
        CPPUNIT_ASSERT_EQUAL(1, answer.result);
        CPPUNIT_ASSERT_EQUAL(std::string("Alice A."), answer.displayName);
        CPPUNIT_ASSERT(answer.password.empty());
        CPPUNIT_ASSERT_EQUAL(std::string("banned"), roundTrip(Logout{"banned"}).reason);
        const Error e = roundTrip(Error{"bad_json", "nope", "msg"});
        CPPUNIT_ASSERT_EQUAL(std::string("msg"), e.ref);
    }

    void testSpecFieldNames()
    {
        // The spec's exact names (nlchat-protocol.txt 1.1): type, ID, UUID, I/O, msg, state, key.
        const std::string ring = encode(Ring{1, "", 2, "", "", "", ""});
        CPPUNIT_ASSERT(ring.find("\"type\":\"ring\"") != std::string::npos);
        CPPUNIT_ASSERT(ring.find("\"ID\":1") != std::string::npos);
        CPPUNIT_ASSERT(ring.find("\"group\":\"\"") != std::string::npos);
        CPPUNIT_ASSERT(ring.find("\"time\":2") != std::string::npos);
        CPPUNIT_ASSERT(encode(RingAckAck{"u", 1, "", false}).find("\"type\":\"ringACKACK\"") != std::string::npos);
        CPPUNIT_ASSERT(encode(ProbeAck{"u"}).find("\"type\":\"probeACK\"") != std::string::npos);
        const std::string msg = encode(Msg{{"x"}, Direction::In, "u", 0, 0, 0});
        CPPUNIT_ASSERT(msg.find("\"I/O\":\"in\"") != std::string::npos);
        CPPUNIT_ASSERT(msg.find("\"msg\":[\"x\"]") != std::string::npos);
        CPPUNIT_ASSERT(msg.find("\"UUID\":\"u\"") != std::string::npos);
        CPPUNIT_ASSERT(encode(ServerOnline{}) == "{\"type\":\"server_online\"}");
    }

    void testOriginalClientForms()
    {
        // IDs as strings, extra unknown fields, a bare string msg.
        const Packet ack = decode(R"({"type":"ringACK","UUID":"u","ID":"12","extra":{"x":1}})");
        CPPUNIT_ASSERT_EQUAL(std::int64_t(12), std::get<RingAck>(ack).id);
        const Packet msg = decode(R"({"type":"msg","msg":"hello","I/O":"out","UUID":"u"})");
        CPPUNIT_ASSERT_EQUAL(std::string("hello"), std::get<Msg>(msg).msg.at(0));
        const Packet key = decode(R"({"type":"key","UUID":"u"})");
        CPPUNIT_ASSERT(std::get<Key>(key).key.empty());
    }

    void testMalformedInput()
    {
        CPPUNIT_ASSERT_EQUAL(std::string("bad_json"), errorCodeOf("{"));
        CPPUNIT_ASSERT_EQUAL(std::string("bad_json"), errorCodeOf("[1,2]"));
        CPPUNIT_ASSERT_EQUAL(std::string("bad_json"), errorCodeOf(""));
        CPPUNIT_ASSERT_EQUAL(std::string("missing_field"), errorCodeOf("{}"));
        CPPUNIT_ASSERT_EQUAL(std::string("unknown_type"), errorCodeOf(R"({"type":"bogus"})"));
        CPPUNIT_ASSERT_EQUAL(std::string("missing_field"), errorCodeOf(R"({"type":"ringACK","UUID":"u"})"));
        CPPUNIT_ASSERT_EQUAL(std::string("bad_field"), errorCodeOf(R"({"type":"ringACK","UUID":"u","ID":"x1"})"));
        CPPUNIT_ASSERT_EQUAL(std::string("bad_field"), errorCodeOf(R"({"type":"ringACK","UUID":"u","ID":1.5})"));
        // Found by tests/fuzz/nlchat_packet_fuzzer (corpus: id_out_of_int64_range): a number
        // outside int64's range was cast to it, which is undefined behaviour (UBSan aborted).
        CPPUNIT_ASSERT_EQUAL(std::string("bad_field"),
                             errorCodeOf(R"({"type":"ringACK","UUID":"u","ID":2.1e95})"));
        CPPUNIT_ASSERT_EQUAL(std::string("bad_field"), errorCodeOf(R"({"type":"ringACK","UUID":"u","ID":-1e19})"));
        // Found by tests/fuzz/nlchat_packet_fuzzer (corpus: id_beyond_exact_json_integers): an
        // integer beyond +-(2^53 - 1) did not survive a round trip through POCO's JSON parser.
        CPPUNIT_ASSERT_EQUAL(std::string("bad_field"),
                             errorCodeOf(R"({"type":"ring","ID":"-22985001640351061"})"));
        CPPUNIT_ASSERT_EQUAL(std::string("bad_field"), errorCodeOf(R"({"type":"ring","ID":9007199254740992})"));
        CPPUNIT_ASSERT_EQUAL(std::string("bad_field"), errorCodeOf(R"({"type":"msg","msg":["x"],"I/O":"up"})"));
        CPPUNIT_ASSERT_EQUAL(std::string("bad_field"), errorCodeOf(R"({"type":"msg","msg":[1],"I/O":"in"})"));
        CPPUNIT_ASSERT_EQUAL(std::string("missing_field"), errorCodeOf(R"({"type":"key"})"));
        CPPUNIT_ASSERT_EQUAL(std::string("bad_field"), errorCodeOf(R"({"type":7})"));
        CPPUNIT_ASSERT_EQUAL(std::string("missing_field"), errorCodeOf(R"({"type":"login","username":"a"})"));
        const std::string huge = R"({"type":"msg","I/O":"out","msg":[")" + std::string(5000, 'x') + "\"]}";
        CPPUNIT_ASSERT_EQUAL(std::string("too_large"), errorCodeOf(huge));
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(NlchatPacketTest);
