// operator_endpoint::OperatorLineHandler and PacketEncoder without sockets or threads: lines go in,
// the events posted to a recording inbox are run on a core of the test's own, refusals come
// back on a recording link. The credential check is the real one on a temporary SQLite file, and
// ban expiry is read from the context's (manual) clock.

#include "front_end_harness.h"

#include "protocol/protocol_error.h"
#include "protocol/raw_packet.h"
#include "server/operator_endpoint/operator_line_handler.h"
#include "server/operator_endpoint/packet_encoder.h"
#include "server/store/ban_repository.h"
#include "server/store/password_hash.h"
#include "server/store/user_repository.h"
#include "support/fakes/in_memory_conversation_store.h"
#include "support/fakes/recording_inbox.h"
#include "support/fakes/recording_links.h"
#include "support/fakes/recording_sink.h"

#include <cppunit/extensions/HelperMacros.h>

namespace ringdesk::front_end_tests {
namespace {

constexpr core::ConnectionId kConnection = 7;

} // namespace

class OperatorLineHandlerTest : public CppUnit::TestFixture
{
    CPPUNIT_TEST_SUITE(OperatorLineHandlerTest);
    CPPUNIT_TEST(testBrokenLineIsRefusedAndNothingIsPosted);
    CPPUNIT_TEST(testCheapPlainPacketIsHandledOnTheSpot);
    CPPUNIT_TEST(testLoginAndRawEnvelopeNeedTheWorker);
    CPPUNIT_TEST(testLoginIsVerifiedBeforeTheCoreHearsOfIt);
    CPPUNIT_TEST(testUserBanEndsOnTheInjectedClock);
    CPPUNIT_TEST(testRepeatedFailuresAreThrottledWithoutAHash);
    CPPUNIT_TEST(testRawEnvelopeIsOpenedAndAnswersAreSealed);
    CPPUNIT_TEST(testBrokenPlainLineKeepsRawAnswers);
    CPPUNIT_TEST_SUITE_END();

public:
    void setUp() override
    {
        session_.emplace(database_.open());
        store::UserRepository(*session_).add("ann", "Ann Arbor", "operator",
                                             store::hashPasswordMd5(store::md5Hex("ann-pw"), 1000));
        credentials_.emplace(database_.path(), 1);
        admission::LoginGuardSettings guard;
        guard.maxConcurrentHashes = 1;
        logins_.emplace(*credentials_, guard);
        context_.emplace(operator_endpoint::OperatorEndpointContext{inbox_, registry_, *logins_, serverKey(),
                                                                    64 * 1024, 100, clock_});
        handler_.emplace(*context_, kConnection, Poco::Net::SocketAddress("192.0.2.7", 5000), form_, replies_);
        core_.emplace(core::CoreSettings{}, clock_, output_, conversations_);
        core_->operatorConnected(kConnection, "peer");
    }

    void tearDown() override
    {
        handler_.reset();
        context_.reset();
        logins_.reset();
        credentials_.reset();
        session_.reset();
    }

    void testBrokenLineIsRefusedAndNothingIsPosted()
    {
        handler_->handle("this is not JSON");
        CPPUNIT_ASSERT_EQUAL(std::size_t(0), inbox_.size());
        const std::vector<nlchat::Packet> replies = replies_.delivered();
        CPPUNIT_ASSERT_EQUAL(std::size_t(1), replies.size());
        CPPUNIT_ASSERT_EQUAL(std::string(protocol::error_code::kBadJson),
                             std::get<nlchat::Error>(replies[0]).code);
    }

    void testCheapPlainPacketIsHandledOnTheSpot()
    {
        CPPUNIT_ASSERT(handler_->handleIfCheap(nlchat::encode(nlchat::ProbeAck{"u-1"})));
        CPPUNIT_ASSERT_EQUAL(std::size_t(1), inbox_.size());
        // A broken line is cheap too: refused at once.
        CPPUNIT_ASSERT(handler_->handleIfCheap("{"));
        CPPUNIT_ASSERT_EQUAL(std::size_t(1), inbox_.size());
        CPPUNIT_ASSERT_EQUAL(std::size_t(1), replies_.delivered().size());
    }

    void testLoginAndRawEnvelopeNeedTheWorker()
    {
        CPPUNIT_ASSERT(!handler_->handleIfCheap(nlchat::encode(nlchat::Login{"ann", "ann-pw", -1, {}})));
        CPPUNIT_ASSERT(!handler_->handleIfCheap(sealForServer(nlchat::encode(nlchat::ProbeAck{"u-1"}), "u-1")));
        CPPUNIT_ASSERT_EQUAL(std::size_t(0), inbox_.size());
        CPPUNIT_ASSERT(replies_.delivered().empty());
    }

    void testLoginIsVerifiedBeforeTheCoreHearsOfIt()
    {
        CPPUNIT_ASSERT_EQUAL(static_cast<int>(nlchat::LoginResult::kWrongCredentials), login("ann", "wrong"));
        CPPUNIT_ASSERT_EQUAL(static_cast<int>(nlchat::LoginResult::kWrongCredentials), login("nobody", "ann-pw"));
        CPPUNIT_ASSERT_EQUAL(static_cast<int>(nlchat::LoginResult::kOk), login("ann", "ann-pw"));
        CPPUNIT_ASSERT_EQUAL(std::string("Ann Arbor"),
                             output_.lastToOperator<nlchat::Login>(kConnection).displayName);
    }

    // Replaces the admin test that banned a user for 2 s and polled the real server until the
    // ban ran out: the handler reads ban expiry from the context's clock.
    void testUserBanEndsOnTheInjectedClock()
    {
        store::BanRepository(*session_).add(store::ban_kind::kUser, "ann", "cool down", "admin", clock_.epochMs(),
                                            clock_.epochMs() + 2000);
        CPPUNIT_ASSERT_EQUAL(static_cast<int>(nlchat::LoginResult::kBanned), login("ann", "ann-pw"));
        clock_.advance(std::chrono::milliseconds(1999));
        CPPUNIT_ASSERT_EQUAL(static_cast<int>(nlchat::LoginResult::kBanned), login("ann", "ann-pw"));
        // A wrong password is never told about the ban.
        CPPUNIT_ASSERT_EQUAL(static_cast<int>(nlchat::LoginResult::kWrongCredentials), login("ann", "x"));
        clock_.advance(std::chrono::milliseconds(1));
        CPPUNIT_ASSERT_EQUAL(static_cast<int>(nlchat::LoginResult::kOk), login("ann", "ann-pw"));
    }

    void testRawEnvelopeIsOpenedAndAnswersAreSealed()
    {
        const protocol::RsaPrivateKey& client = clientKey();
        handler_->handle(nlchat::encode(nlchat::Key{"u-1", client.publicKey().pem()}));
        // Plain so far: answers are plain JSON lines.
        CPPUNIT_ASSERT(!protocol::looksLikeRawEnvelope(form_.encode(nlchat::Probe{"u-1"})));

        handler_->handle(sealForServer(nlchat::encode(nlchat::ProbeAck{"u-1"}), "u-1"));
        CPPUNIT_ASSERT(replies_.delivered().empty());
        CPPUNIT_ASSERT_EQUAL(std::size_t(2), inbox_.size());
        std::string answer = form_.encode(nlchat::Probe{"u-1"});
        CPPUNIT_ASSERT_EQUAL('\n', answer.back());
        answer.pop_back();
        CPPUNIT_ASSERT(protocol::looksLikeRawEnvelope(answer));
        const std::string opened =
            protocol::openRawPacket(protocol::parseRawEnvelope(answer), client, protocol::kClientName);
        CPPUNIT_ASSERT_EQUAL(nlchat::encode(nlchat::Probe{"u-1"}), opened);
    }

    void testBrokenPlainLineKeepsRawAnswers()
    {
        handler_->handle(nlchat::encode(nlchat::Key{"u-1", clientKey().publicKey().pem()}));
        handler_->handle(sealForServer(nlchat::encode(nlchat::ProbeAck{"u-1"}), "u-1"));
        // Only a valid packet sets the answers' form.
        handler_->handle("{not json");
        CPPUNIT_ASSERT_EQUAL(std::size_t(1), replies_.delivered().size());
        std::string answer = form_.encode(nlchat::Probe{"u-1"});
        answer.pop_back();
        CPPUNIT_ASSERT(protocol::looksLikeRawEnvelope(answer));
    }

    void testRepeatedFailuresAreThrottledWithoutAHash()
    {
        const admission::LoginThrottleSettings limits;
        for (int i = 0; i <= limits.freeFailures; ++i)
            CPPUNIT_ASSERT_EQUAL(static_cast<int>(nlchat::LoginResult::kWrongCredentials), login("ann", "guess"));

        // Past the free failures: refused with rate_limited before any check, even with the
        // right password, and the core hears nothing.
        handler_->handle(nlchat::encode(nlchat::Login{"ann", "ann-pw", -1, {}}));
        CPPUNIT_ASSERT_EQUAL(std::size_t(0), inbox_.runOn(*core_));
        const std::vector<nlchat::Packet> replies = replies_.delivered();
        CPPUNIT_ASSERT_EQUAL(std::size_t(1), replies.size());
        const auto& refusal = std::get<nlchat::Error>(replies.back());
        CPPUNIT_ASSERT_EQUAL(std::string(protocol::error_code::kRateLimited), refusal.code);
        CPPUNIT_ASSERT_EQUAL(std::string(nlchat::command::kLogin), refusal.ref);
        CPPUNIT_ASSERT_EQUAL(std::uint64_t(1), logins_->counters().throttledAddress);

        // After the back-off the right password logs in and clears the failures.
        clock_.advance(std::chrono::milliseconds(limits.backoffBaseMs));
        CPPUNIT_ASSERT_EQUAL(static_cast<int>(nlchat::LoginResult::kOk), login("ann", "ann-pw"));
        CPPUNIT_ASSERT_EQUAL(static_cast<int>(nlchat::LoginResult::kWrongCredentials), login("ann", "guess"));
    }

private:
    /// Sends a login line through handle() and returns the `result` the core answered.
    int login(const std::string& username, const std::string& password)
    {
        handler_->handle(nlchat::encode(nlchat::Login{username, password, -1, {}}));
        CPPUNIT_ASSERT_EQUAL(std::size_t(1), inbox_.runOn(*core_));
        return output_.lastToOperator<nlchat::Login>(kConnection).result;
    }

    /// `plain` as a raw envelope line sealed for the server.
    static std::string sealForServer(const std::string& plain, const std::string& uuid)
    {
        return protocol::serializeRawEnvelope(
            protocol::sealRawPacket(plain, serverKey().publicKey(), uuid, protocol::kServerName));
    }

    static const protocol::RsaPrivateKey& clientKey()
    {
        static const protocol::RsaPrivateKey key = protocol::RsaPrivateKey::generate(2048);
        return key;
    }

    testing::TemporaryDatabase database_;
    std::optional<Poco::Data::Session> session_;
    core::ManualClock clock_;
    test_support::RecordingInbox inbox_;
    dispatch::ConnectionRegistry registry_;
    std::optional<store::SqliteCredentialCheck> credentials_;
    std::optional<admission::LoginGuard> logins_;
    std::optional<operator_endpoint::OperatorEndpointContext> context_;
    operator_endpoint::PacketEncoder form_;
    test_support::RecordingOperatorLink replies_;
    std::optional<operator_endpoint::OperatorLineHandler> handler_;
    core::testing::RecordingSink output_;
    core::testing::InMemoryConversationStore conversations_;
    std::optional<core::Core> core_;
};

CPPUNIT_TEST_SUITE_REGISTRATION(OperatorLineHandlerTest);

} // namespace ringdesk::front_end_tests
