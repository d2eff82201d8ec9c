// Bans in the core (docs/admin.md, "Bans"): visitor bans, a login of a user banned while its
// password was being checked, and the forced logout's return of chats to the queue. Driven
// directly, time on the ManualClock.
#include "core_harness.h"

#include <cppunit/extensions/HelperMacros.h>

#include <set>

namespace ringdesk::core::testing {
namespace {

/// Bans held in memory, each active until its end on the harness clock (nullopt: until lifted).
class FakeVisitorBans final : public VisitorBanList
{
public:
    void ban(const std::string& subject, std::optional<std::int64_t> untilMs = std::nullopt)
    {
        bans_.push_back({VisitorBanSubject::parse(subject), untilMs});
    }
    void clear() { bans_.clear(); }
    std::vector<VisitorBanSubject> activeVisitorBans(std::int64_t nowMs) override
    {
        std::vector<VisitorBanSubject> active;
        for (const auto& [subject, until] : bans_)
            if (!until || *until > nowMs)
                active.push_back(subject);
        return active;
    }

private:
    std::vector<std::pair<VisitorBanSubject, std::optional<std::int64_t>>> bans_;
};

/// Banned usernames.
class FakeUserBans final : public UserBanCheck
{
public:
    std::set<std::string> banned;
    bool isBanned(const std::string& username, std::int64_t) override { return banned.count(username) != 0; }
};

} // namespace

class BansTest : public CppUnit::TestFixture
{
    CPPUNIT_TEST_SUITE(BansTest);
    CPPUNIT_TEST(testBannedAddressGetsUnavailableAndRingsNobody);
    CPPUNIT_TEST(testTemporaryBanEndsByItself);
    CPPUNIT_TEST(testEnforceEndsAConnectedChat);
    CPPUNIT_TEST(testForcedLogoutRingsOthersNotTheUsersOtherSession);
    CPPUNIT_TEST(testLoginOfAUserBannedMeanwhileIsRefused);
    CPPUNIT_TEST_SUITE_END();

public:
    void setUp() override
    {
        h_ = std::make_unique<CoreHarness>();
        h_->core.attachVisitorBans(bans_);
        h_->core.attachUserBans(userBans_);
    }

    void testBannedAddressGetsUnavailableAndRingsNobody()
    {
        const ConnectionId alice = h_->logIn("alice");
        bans_.ban("192.0.2.0/24"); // the harness's visitors come from 192.0.2.7
        const ConnectionId ann = h_->visitorHello("Ann");
        CPPUNIT_ASSERT_EQUAL(std::string(visitor::state::kUnavailable), h_->welcomeOf(ann).state);
        h_->visitorSays(ann, "spam");
        const auto errors = h_->output.toVisitor<visitor::ErrorReply>(ann);
        CPPUNIT_ASSERT_EQUAL(std::size_t(1), errors.size());
        CPPUNIT_ASSERT_EQUAL(std::string("unavailable"), errors.front().code);
        CPPUNIT_ASSERT_EQUAL(std::size_t(0), h_->output.countToOperator<nlchat::Ring>(alice));
        CPPUNIT_ASSERT(h_->core.liveConversations().empty());
    }

    void testTemporaryBanEndsByItself()
    {
        const ConnectionId alice = h_->logIn("alice");
        bans_.ban("192.0.2.7", h_->clock.epochMs() + 30'000);
        const ConnectionId ann = h_->visitorHello("Ann");
        h_->visitorSays(ann, "first");
        CPPUNIT_ASSERT_EQUAL(std::size_t(0), h_->output.countToOperator<nlchat::Ring>(alice));
        h_->advanceKeeping(std::chrono::seconds(31), {alice});
        h_->visitorSays(ann, "second");
        CPPUNIT_ASSERT_EQUAL(std::size_t(1), h_->output.countToOperator<nlchat::Ring>(alice));
        CPPUNIT_ASSERT_EQUAL(std::string("second"), h_->output.toOperator<nlchat::Ring>(alice).front().text);
    }

    void testEnforceEndsAConnectedChat()
    {
        const ConnectionId alice = h_->logIn("alice");
        const CoreHarness::Chat chat = h_->connectedChat(alice);
        CPPUNIT_ASSERT_EQUAL(std::size_t(0), h_->core.enforceVisitorBans());
        bans_.ban(h_->welcomeOf(chat.visitor).visitor);
        CPPUNIT_ASSERT_EQUAL(std::size_t(1), h_->core.enforceVisitorBans());
        CPPUNIT_ASSERT_EQUAL(std::size_t(1), h_->output.countToOperator<nlchat::Disassociate>(alice));
        CPPUNIT_ASSERT_EQUAL(std::string(visitor::state::kUnavailable),
                             h_->output.visitorStates(chat.visitor).back());
        CPPUNIT_ASSERT(!h_->isLive(chat.id));
        // Applying again changes nothing; lifting tells the visitor it may chat again.
        CPPUNIT_ASSERT_EQUAL(std::size_t(0), h_->core.enforceVisitorBans());
        bans_.clear();
        CPPUNIT_ASSERT_EQUAL(std::size_t(0), h_->core.enforceVisitorBans());
        CPPUNIT_ASSERT_EQUAL(std::string(visitor::state::kIdle), h_->output.visitorStates(chat.visitor).back());
    }

    void testForcedLogoutRingsOthersNotTheUsersOtherSession()
    {
        const ConnectionId alice = h_->logIn("alice");
        const ConnectionId aliceAgain = h_->logIn("alice");
        const ConnectionId bob = h_->logIn("bob");
        const CoreHarness::Chat chat = h_->connectedChat(alice);
        const std::size_t ringsBefore = h_->output.countToOperator<nlchat::Ring>(aliceAgain);

        CPPUNIT_ASSERT_EQUAL(std::size_t(2), h_->core.forceLogout("alice", "banned"));
        CPPUNIT_ASSERT_EQUAL(std::size_t(1), h_->output.countToOperator<nlchat::Logout>(alice));
        CPPUNIT_ASSERT_EQUAL(std::size_t(1), h_->output.countToOperator<nlchat::Logout>(aliceAgain));
        CPPUNIT_ASSERT_EQUAL(ringsBefore, h_->output.countToOperator<nlchat::Ring>(aliceAgain));
        CPPUNIT_ASSERT_EQUAL(chat.id, h_->output.toOperator<nlchat::Ring>(bob).back().id);
        CPPUNIT_ASSERT(h_->live(chat.id).state == ConversationState::Ringing);
        CPPUNIT_ASSERT(!h_->hasOperatorSession(alice));
        CPPUNIT_ASSERT(!h_->hasOperatorSession(aliceAgain));
    }

    void testLoginOfAUserBannedMeanwhileIsRefused()
    {
        // The front-end verified the password before the ban was recorded; the login event
        // reaches the core after it.
        const ConnectionId bob = h_->logIn("bob");
        h_->visitorStartsChat("Ann", "Hello?"); // an open ring, rung to bob
        CPPUNIT_ASSERT_EQUAL(std::size_t(1), h_->output.countToOperator<nlchat::Ring>(bob));
        userBans_.banned.insert("mallory");
        const ConnectionId mallory = h_->connectOperator("uuid-mallory");
        h_->core.operatorLoggedIn(mallory, {"mallory", "Mallory"});
        const auto answers = h_->output.toOperator<nlchat::Login>(mallory);
        CPPUNIT_ASSERT_EQUAL(std::size_t(1), answers.size());
        CPPUNIT_ASSERT_EQUAL(static_cast<int>(nlchat::LoginResult::kBanned), answers.front().result);
        // Not logged in: the open ring is not offered to it.
        CPPUNIT_ASSERT_EQUAL(std::size_t(0), h_->output.countToOperator<nlchat::Ring>(mallory));
    }

private:
    FakeVisitorBans bans_;
    FakeUserBans userBans_;
    std::unique_ptr<CoreHarness> h_;
};

CPPUNIT_TEST_SUITE_REGISTRATION(BansTest);

} // namespace ringdesk::core::testing
