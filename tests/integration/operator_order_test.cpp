// The operator endpoint keeps a connection's order while raw envelopes are decrypted off the
// event loop (docs/architecture.md, "Threads"): answers come in the order the lines were sent,
// also when the worker backlog pauses reading from the socket.
#include "support/server_process.h"
#include "support/test_peers.h"
#include "support/waits.h"

#include "protocol/protocol_error.h"

#include <cppunit/extensions/HelperMacros.h>

namespace ringdesk::integration {

namespace code = protocol::error_code;

class OperatorOrderTest : public CppUnit::TestFixture
{
    CPPUNIT_TEST_SUITE(OperatorOrderTest);
    CPPUNIT_TEST(testRawAndPlainAnswersKeepTheirOrder);
    CPPUNIT_TEST_SUITE_END();

public:
    void setUp() override
    {
        server_ = std::make_unique<ServerProcess>();
        server_->addUser("erin", "erin-secret", "Erin Ellis");
        server_->start();
    }

    void tearDown() override { server_.reset(); }

    void testRawAndPlainAnswersKeepTheirOrder()
    {
        auto op = connectOperator(*server_, "erin", "erin-secret", "Erin Ellis");
        // 300 lines in one burst, more than the worker backlog (64) lets the server read at
        // once: raw envelopes that do not decrypt (answered from a worker) alternate with
        // plain lines of an unknown type (answered on the event loop when nothing is queued).
        constexpr int kLines = 300;
        // One write per line would let the server keep up; a single write makes the backlog.
        std::string lines;
        for (int i = 0; i < kLines; ++i) {
            lines += i % 2 == 0 ? R"({"messages":["bm90IFJTQQ=="],"UUID":"x","to":"alice"})"
                                : R"({"type":"teleport","UUID":"x"})";
            lines += '\n';
        }
        lines.pop_back(); // sendUnchecked adds the last '\n'
        op->sendUnchecked(lines);
        for (int i = 0; i < kLines; ++i) {
            const auto error = awaitPacket<nlchat::Error>(*op);
            CPPUNIT_ASSERT_EQUAL_MESSAGE("answer " + std::to_string(i),
                                         std::string(i % 2 == 0 ? code::kDecryptFailed : code::kUnknownType),
                                         error.code);
        }
        // The connection is still served.
        op->send(nlchat::Key{op->uuid(), ""});
        awaitPacket<nlchat::Status>(*op);
    }

private:
    std::unique_ptr<ServerProcess> server_;
};

CPPUNIT_TEST_SUITE_REGISTRATION(OperatorOrderTest);

} // namespace ringdesk::integration
