// Login throttling against the real server (docs/configuration.md, "Login throttling"): wrong
// passwords on the operator port put the address into its back-off, which then holds on the IMS
// port too; the operator gets `error` rate_limited, IMS gets result 0, and /metrics counts it.

#include "support/ims_client.h"
#include "support/server_process.h"
#include "support/test_peers.h"

#include "operator-client/session/nlchat_client.h"
#include "protocol/protocol_error.h"

#include <cppunit/extensions/HelperMacros.h>

#include <chrono>
#include <memory>

namespace ringdesk::ims_tests {
namespace {

constexpr std::chrono::seconds kDeadline{20};

/// Operator `login` over a fresh connection: the result, or the error code it was refused with.
std::string operatorLogin(std::uint16_t port, const std::string& user, const std::string& password)
{
    operator_client::NlchatClient op;
    op.connect(integration::kHost, port, kDeadline);
    try {
        return std::to_string(op.login(user, password, kDeadline).result);
    } catch (const protocol::ProtocolError& e) {
        return e.code();
    }
}

} // namespace

class LoginThrottleTest : public CppUnit::TestFixture
{
    CPPUNIT_TEST_SUITE(LoginThrottleTest);
    CPPUNIT_TEST(testFailuresOnOnePortThrottleBoth);
    CPPUNIT_TEST_SUITE_END();

public:
    void setUp() override
    {
        server_ = std::make_unique<integration::ServerProcess>();
        server_->addUser("alice", "pa", "Alice");
        server_->define("ringdesk.login.freeFailures", "2");
        server_->define("ringdesk.login.backoffBaseMs", "600000");
        server_->start();
    }

    void tearDown() override { server_.reset(); }

    void testFailuresOnOnePortThrottleBoth()
    {
        const std::string wrong = std::to_string(static_cast<int>(nlchat::LoginResult::kWrongCredentials));
        for (int i = 0; i < 3; ++i)
            CPPUNIT_ASSERT_EQUAL(wrong, operatorLogin(server_->operatorPort(), "alice", "guess"));
        // The right password no longer helps from this address, on either port.
        CPPUNIT_ASSERT_EQUAL(std::string(protocol::error_code::kRateLimited),
                             operatorLogin(server_->operatorPort(), "alice", "pa"));
        ImsClient ims(server_->imsPort());
        CPPUNIT_ASSERT_EQUAL(std::string("<LOGIN user=\"alice\" result=\"0\"/>"), ims.login("alice", "pa"));

        const std::string figures = server_->metrics();
        CPPUNIT_ASSERT_MESSAGE(figures, figures.find("ringdesk_logins_throttled_total{reason=\"address\"} 2") !=
                                            std::string::npos);
        CPPUNIT_ASSERT_MESSAGE(figures,
                               figures.find("ringdesk_logins_total{result=\"refused\"} 3") != std::string::npos);
        CPPUNIT_ASSERT(server_->logTail().find("throttled") != std::string::npos);
    }

private:
    std::unique_ptr<integration::ServerProcess> server_;
};

CPPUNIT_TEST_SUITE_REGISTRATION(LoginThrottleTest);

} // namespace ringdesk::ims_tests
