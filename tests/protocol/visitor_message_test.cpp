#include "protocol/protocol_error.h"
#include "protocol/visitor_message.h"

#include <cppunit/extensions/HelperMacros.h>

#include <fstream>
#include <sstream>

using namespace ringdesk::visitor;
using ringdesk::protocol::ProtocolError;

namespace {

std::string errorCodeOf(const std::string& frame)
{
    try {
        decodeClient(frame);
    } catch (const ProtocolError& e) {
        return e.code();
    }
    return "accepted";
}

} // namespace

class VisitorMessageTest : public CppUnit::TestFixture
{
    CPPUNIT_TEST_SUITE(VisitorMessageTest);
    CPPUNIT_TEST(testClientRoundTrips);
    CPPUNIT_TEST(testServerRoundTrips);
    CPPUNIT_TEST(testMalformedClientInput);
    CPPUNIT_TEST(testDocumentedNamesMatchWidget);
    CPPUNIT_TEST_SUITE_END();

public:
    void testClientRoundTrips()
    {
        const Hello h = std::get<Hello>(decodeClient(encodeClient(Hello{"tok", 4, "Ann", "https://p"})));
        CPPUNIT_ASSERT_EQUAL(std::string("tok"), h.token);
        CPPUNIT_ASSERT_EQUAL(std::int64_t(4), h.since);
        CPPUNIT_ASSERT_EQUAL(std::string("https://p"), h.page);
        CPPUNIT_ASSERT_EQUAL(std::string("<b>hi</b> ✓"),
                             std::get<SendMsg>(decodeClient(encodeClient(SendMsg{"<b>hi</b> ✓"}))).text);
        CPPUNIT_ASSERT_EQUAL(std::string("paused"),
                             std::get<SendChatState>(decodeClient(encodeClient(SendChatState{"paused"}))).state);
        const LeaveMessage form =
            std::get<LeaveMessage>(decodeClient(encodeClient(LeaveMessage{"Ann", "a@x.org", "call me"})));
        CPPUNIT_ASSERT_EQUAL(std::string("a@x.org"), form.email);
        CPPUNIT_ASSERT(std::holds_alternative<Close>(decodeClient(encodeClient(Close{}))));
    }

    void testServerRoundTrips()
    {
        const Welcome w = std::get<Welcome>(decodeServer(encodeServer(Welcome{"t", "v-1", 3, state::kConnected, "Alice"})));
        CPPUNIT_ASSERT_EQUAL(std::string("Alice"), w.operatorName);
        CPPUNIT_ASSERT_EQUAL(std::int64_t(3), w.conversation);
        const StateChange s = std::get<StateChange>(decodeServer(encodeServer(StateChange{state::kRinging, 3, ""})));
        CPPUNIT_ASSERT_EQUAL(std::string("ringing"), s.state);
        const ChatMessage m = std::get<ChatMessage>(decodeServer(encodeServer(ChatMessage{2, true, "yo", 99, "Alice"})));
        CPPUNIT_ASSERT(m.fromOperator);
        CPPUNIT_ASSERT_EQUAL(std::int64_t(2), m.seq);
        CPPUNIT_ASSERT_EQUAL(std::int64_t(99), m.ts);
        CPPUNIT_ASSERT_EQUAL(std::string("composing"),
                             std::get<OperatorChatState>(decodeServer(encodeServer(OperatorChatState{"composing"}))).state);
        CPPUNIT_ASSERT(std::get<LeftMessage>(decodeServer(encodeServer(LeftMessage{true}))).ok);
        CPPUNIT_ASSERT_EQUAL(std::string("bad_json"),
                             std::get<ErrorReply>(decodeServer(encodeServer(ErrorReply{"bad_json", "x"}))).code);
    }

    void testMalformedClientInput()
    {
        CPPUNIT_ASSERT_EQUAL(std::string("bad_json"), errorCodeOf("not json"));
        CPPUNIT_ASSERT_EQUAL(std::string("unknown_type"), errorCodeOf(R"({"type":"nope"})"));
        CPPUNIT_ASSERT_EQUAL(std::string("missing_field"), errorCodeOf(R"({"type":"msg"})"));
        CPPUNIT_ASSERT_EQUAL(std::string("bad_field"), errorCodeOf(R"({"type":"msg","text":""})"));
        CPPUNIT_ASSERT_EQUAL(std::string("bad_field"), errorCodeOf(R"({"type":"chat_state","state":"dancing"})"));
        CPPUNIT_ASSERT_EQUAL(std::string("bad_field"), errorCodeOf(R"({"type":"hello","since":-1})"));
        // Found by tests/fuzz/visitor_message_fuzzer (corpus: seq_out_of_int64_range): a number
        // outside int64's range was cast to it, which is undefined behaviour (UBSan aborted).
        CPPUNIT_ASSERT_EQUAL(std::string("bad_field"), errorCodeOf(R"({"type":"hello","since":5.5e134})"));
        // Found by tests/fuzz/visitor_message_fuzzer (corpus: seq_beyond_exact_json_integers):
        // POCO's parser rounds a negative integer beyond 2^53 through a double.
        CPPUNIT_ASSERT_EQUAL(std::string("bad_field"),
                             errorCodeOf(R"({"type":"hello","since":-20000290076730265})"));
        CPPUNIT_ASSERT_THROW(decodeServer(R"({"type":"msg","seq":5.5e134,"from":"operator","text":"x"})"),
                             ProtocolError);
        CPPUNIT_ASSERT_EQUAL(std::string("too_large"),
                             errorCodeOf(R"({"type":"msg","text":")" + std::string(4001, 'a') + "\"}"));
        CPPUNIT_ASSERT_EQUAL(std::string("too_large"),
                             errorCodeOf(R"({"type":"msg","text":"a","pad":")" + std::string(17000, 'a') + "\"}"));
    }

    void testDocumentedNamesMatchWidget()
    {
        // One source of truth: every state name is documented and mirrored by the widget.
        std::ifstream doc(RINGDESK_SOURCE_DIR "/docs/visitor-api.md");
        std::ifstream widget(RINGDESK_SOURCE_DIR "/visitor-widget/src/protocol.ts");
        CPPUNIT_ASSERT(doc && widget);
        std::stringstream docText, widgetText;
        docText << doc.rdbuf();
        widgetText << widget.rdbuf();
        for (const char* name : kStates) {
            CPPUNIT_ASSERT_MESSAGE(name, docText.str().find(std::string("`") + name + "`") != std::string::npos);
            CPPUNIT_ASSERT_MESSAGE(name, widgetText.str().find(std::string("'") + name + "'") != std::string::npos ||
                                             widgetText.str().find(std::string("\"") + name + "\"") != std::string::npos);
        }
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(VisitorMessageTest);
