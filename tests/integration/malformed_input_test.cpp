// Bad input on the operator endpoint (PRODUCT.md, "Errors: bad input gets a clear error and
// never crashes the server"): error packets for lines that do not decode, a closed connection
// for a line over the limit, and a server that keeps serving everybody else.
#include "support/server_process.h"
#include "support/test_peers.h"
#include "support/waits.h"

#include "protocol/protocol_error.h"

#include <cppunit/extensions/HelperMacros.h>

namespace ringdesk::integration {

using operator_client::ConnectionError;
using operator_client::NlchatClient;
namespace code = protocol::error_code;

class MalformedInputTest : public CppUnit::TestFixture
{
    CPPUNIT_TEST_SUITE(MalformedInputTest);
    CPPUNIT_TEST(testBadLinesGetErrorsAndTheConnectionStays);
    CPPUNIT_TEST(testOversizeFieldGetsErrorAndTheConnectionStays);
    CPPUNIT_TEST(testOversizeLineClosesOnlyThatConnection);
    CPPUNIT_TEST(testWrongPasswordGetsResultZero);
    CPPUNIT_TEST_SUITE_END();

public:
    void setUp() override
    {
        server_ = std::make_unique<ServerProcess>();
        server_->addUser("erin", "erin-secret", "Erin Ellis");
        server_->addUser("frank", "frank-secret", "Frank Ford");
        server_->start();
    }

    void tearDown() override { server_.reset(); }

    void testBadLinesGetErrorsAndTheConnectionStays()
    {
        NlchatClient op;
        op.connect(kHost, server_->operatorPort(), kDeadline);
        awaitPacket<nlchat::ServerOnline>(op);

        expectError(op, R"({"type":"key","UUID":)", code::kBadJson);
        expectError(op, "[1,2,3]", code::kBadJson);
        expectError(op, R"({"type":"teleport","UUID":"x"})", code::kUnknownType);
        expectError(op, R"({"type":"ringACK","UUID":"x"})", code::kMissingField);
        expectError(op, R"({"UUID":"x","ID":1})", code::kMissingField);
        expectError(op, R"({"type":"msg","msg":["hi"],"I/O":"sideways","UUID":"x"})", code::kBadField);
        expectError(op, R"({"messages":["bm90IFJTQQ=="],"UUID":"x","to":"alice"})", code::kDecryptFailed);
        expectError(op, R"({"messages":["bm90IFJTQQ=="],"UUID":"x","to":"bob"})", code::kWrongRecipient);
        // A command that needs a login, before the login.
        expectError(op, R"({"type":"ringACK","UUID":"x","ID":1})", code::kNotLoggedIn);

        // Still the same, usable connection.
        const nlchat::Login answer = op.login("erin", "erin-secret", kDeadline);
        CPPUNIT_ASSERT_EQUAL(static_cast<int>(nlchat::LoginResult::kOk), answer.result);
        CPPUNIT_ASSERT_EQUAL(std::string("Erin Ellis"), answer.displayName);
    }

    void testOversizeFieldGetsErrorAndTheConnectionStays()
    {
        // A well-framed line whose text is over the 4 000-byte limit: the framing is intact,
        // so only that packet is refused. Regression: the operator endpoint
        // (server/operator_endpoint/threaded_operator_connection.cpp) treated every too_large as a lost
        // framing and reset the connection, without the error reaching the client.
        auto op = connectOperator(*server_, "erin", "erin-secret", "Erin Ellis");
        const std::string text(protocol::limits::kMaxMessageTextBytes + 1, 'x');
        expectError(*op, R"({"type":"msg","msg":[")" + text + R"("],"I/O":"out","UUID":")" + op->uuid() + "\"}",
                    code::kTooLarge);
        op->send(nlchat::Key{op->uuid(), ""});
        awaitPacket<nlchat::Status>(*op);
    }

    void testOversizeLineClosesOnlyThatConnection()
    {
        auto bystander = connectOperator(*server_, "frank", "frank-secret", "Frank Ford");
        auto victim = connectOperator(*server_, "erin", "erin-secret", "Erin Ellis");

        try {
            victim->sendUnchecked(std::string(100 * 1024, 'x'));
        } catch (const ConnectionError&) {
            // The server may reset the connection before all 100 KB are written: also correct.
        }
        bool closed = false;
        std::string seen;
        const auto deadline = detail::Clock::now() + kDeadline;
        while (!closed && detail::Clock::now() < deadline) {
            try {
                if (const auto packet = victim->receive(detail::left(deadline)))
                    seen += " " + describe(*packet);
            } catch (const ConnectionError&) {
                closed = true;
            }
        }
        CPPUNIT_ASSERT_MESSAGE("the server kept a connection that sent a 100 KB line; it sent:" + seen, closed);

        // Everybody else is still served: the logged-in bystander is rung, and a new
        // connection logs in.
        visitor::Welcome welcome;
        auto visitor = connectVisitor(*server_, "Gus", welcome);
        visitor->send(visitor::SendMsg{"anyone there?"});
        CPPUNIT_ASSERT_EQUAL(std::string("anyone there?"), awaitPacket<nlchat::Ring>(*bystander).text);
        connectOperator(*server_, "erin", "erin-secret", "Erin Ellis");
    }

    void testWrongPasswordGetsResultZero()
    {
        NlchatClient op;
        op.connect(kHost, server_->operatorPort(), kDeadline);
        CPPUNIT_ASSERT_EQUAL(static_cast<int>(nlchat::LoginResult::kWrongCredentials),
                             op.login("erin", "not-her-password", kDeadline).result);

        NlchatClient stranger;
        stranger.connect(kHost, server_->operatorPort(), kDeadline);
        CPPUNIT_ASSERT_EQUAL(static_cast<int>(nlchat::LoginResult::kWrongCredentials),
                             stranger.login("nobody", "erin-secret", kDeadline).result);
    }

private:
    /// Sends `line` and expects an error packet with `errorCode` and a message.
    static void expectError(NlchatClient& op, const std::string& line, const char* errorCode)
    {
        op.sendUnchecked(line);
        const auto error = awaitPacket<nlchat::Error>(op);
        CPPUNIT_ASSERT_EQUAL_MESSAGE("answer to " + line, std::string(errorCode), error.code);
        CPPUNIT_ASSERT_MESSAGE("error without a message for " + line, !error.message.empty());
    }

    std::unique_ptr<ServerProcess> server_;
};

CPPUNIT_TEST_SUITE_REGISTRATION(MalformedInputTest);

} // namespace ringdesk::integration
