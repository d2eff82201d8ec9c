// The IM unit driven directly with fakes and a ManualClock: one user over both protocols,
// status reaching the ring rules, forced logout, the ALIVE timer, backlog at login.
#include "support/fakes/in_memory_conversation_store.h"
#include "support/fakes/recording_sink.h"

#include "server/core/core.h"
#include "server/core/im_session_manager.h"
#include "server/store/ban_repository.h"
#include "server/store/sqlite_bans.h"
#include "server/store/sqlite_im_store.h"
#include "tests/store/temporary_database.h"

#include <cppunit/extensions/HelperMacros.h>

#include <algorithm>
#include <map>
#include <memory>
#include <optional>

namespace ringdesk::ims_tests {

using core::ConnectionId;

/// Records what the IM unit sends to IMS connections.
class RecordingImsSink final : public core::ImsDocumentSink
{
public:
    void sendToIms(ConnectionId connection, const ims::ServerDocument& document) override
    {
        sent[connection].push_back(ims::serialize(document));
    }
    std::map<ConnectionId, std::vector<std::string>> sent;
};

class ImSessionManagerTest : public CppUnit::TestFixture
{
    CPPUNIT_TEST_SUITE(ImSessionManagerTest);
    CPPUNIT_TEST(testMessageReachesEverySessionOfBothProtocols);
    CPPUNIT_TEST(testImsStatusDecidesWhetherOperatorIsRung);
    CPPUNIT_TEST(testForceLogoutEndsEverySession);
    CPPUNIT_TEST(testLoginOfAUserBannedMeanwhileIsRefused);
    CPPUNIT_TEST(testAliveTimeoutOnInjectedClock);
    CPPUNIT_TEST(testConnectionWithoutLoginIsClosedAtTheLoginDeadline);
    CPPUNIT_TEST(testOperatorTeamMsgOfflineThenDeliveredOnceAtLogin);
    CPPUNIT_TEST(testInvitationsInRosterAndAnswersReachTheInviter);
    CPPUNIT_TEST_SUITE_END();

public:
    void setUp() override
    {
        database_.emplace();
        session_ = std::make_unique<Poco::Data::Session>(database_->open());
        testing::addOperators(*session_, {"alice", "bob", "carol"});
        imStore_ = std::make_unique<store::SqliteImStore>(*session_);
        core_ = std::make_unique<core::Core>(core::CoreSettings{}, clock_, output_, conversations_);
        core::ImSettings settings;
        settings.aliveTimeout = std::chrono::seconds(15);
        im_ = std::make_unique<core::ImSessionManager>(settings, clock_, output_, imsOutput_, *imStore_);
        core_->attachIm(*im_);
    }

    void tearDown() override
    {
        core_.reset();
        im_.reset();
        imStore_.reset();
        session_.reset();
        database_.reset();
    }

    ConnectionId imsLogin(const std::string& user)
    {
        const ConnectionId id = ++last_;
        im_->imsConnected(id);
        im_->imsLoggedIn(id, user);
        return id;
    }

    ConnectionId operatorLogin(const std::string& user)
    {
        const ConnectionId id = ++last_;
        core_->operatorConnected(id);
        core_->operatorPacket(id, nlchat::Key{"uuid-" + std::to_string(id), ""});
        core_->operatorLoggedIn(id, {user, user});
        return id;
    }

    int operatorStatus(ConnectionId id)
    {
        for (const core::OperatorSessionInfo& row : core_->operatorSessions())
            if (row.connection == id)
                return row.status;
        return -99;
    }

    void testMessageReachesEverySessionOfBothProtocols()
    {
        const ConnectionId alice = imsLogin("alice");
        const ConnectionId bobIms = imsLogin("bob");
        const ConnectionId bobOperator = operatorLogin("bob");
        im_->imsDocument(alice, ims::Message{"alice", "bob", "hi"});
        CPPUNIT_ASSERT_EQUAL(std::string("<MESSAGE result=\"1\"/>"), imsOutput_.sent[alice].back());
        CPPUNIT_ASSERT_EQUAL(std::string("<MESSAGE from=\"alice\" to=\"bob\">hi</MESSAGE>"),
                             imsOutput_.sent[bobIms].back());
        const auto delivered = output_.lastToOperator<nlchat::TeamMsg>(bobOperator);
        CPPUNIT_ASSERT_EQUAL(std::string("alice"), delivered.from);
        CPPUNIT_ASSERT_EQUAL(std::string("hi"), delivered.text);
    }

    void testImsStatusDecidesWhetherOperatorIsRung()
    {
        const ConnectionId bobIms = imsLogin("bob");
        const ConnectionId bobOperator = operatorLogin("bob");
        CPPUNIT_ASSERT_EQUAL(core::status_code::kOnline, operatorStatus(bobOperator));
        im_->imsDocument(bobIms, ims::StatusSetRequest{"bob", core::status_code::kAway});
        CPPUNIT_ASSERT_EQUAL(core::status_code::kAway, operatorStatus(bobOperator));
        // The operator protocol's set_status changes the same user's status.
        core_->operatorPacket(bobOperator, nlchat::SetStatus{core::status_code::kBusy});
        CPPUNIT_ASSERT_EQUAL(core::status_code::kBusy, operatorStatus(bobOperator));
        im_->imsDocument(bobIms, ims::StatusGetRequest{"bob"});
        CPPUNIT_ASSERT_EQUAL(std::string("<STATUS type=\"get\" result=\"2\"/>"), imsOutput_.sent[bobIms].back());
        // A second operator session of bob starts Busy too.
        const ConnectionId second = operatorLogin("bob");
        CPPUNIT_ASSERT_EQUAL(core::status_code::kBusy, operatorStatus(second));
    }

    void testForceLogoutEndsEverySession()
    {
        const ConnectionId bobIms = imsLogin("bob");
        const ConnectionId bobOperator = operatorLogin("bob");
        CPPUNIT_ASSERT_EQUAL(std::size_t(2), core_->forceLogout("bob", "banned"));
        CPPUNIT_ASSERT_EQUAL(std::string("<LOGOUT user=\"bob\" result=\"1\"/>"), imsOutput_.sent[bobIms].back());
        CPPUNIT_ASSERT_EQUAL(std::string("banned"), output_.lastToOperator<nlchat::Logout>(bobOperator).reason);
        CPPUNIT_ASSERT(output_.isClosed(bobIms));
        CPPUNIT_ASSERT(output_.isClosed(bobOperator));
        CPPUNIT_ASSERT(!im_->isOnline("bob"));
        // Nothing more is acted on for the closed IMS connection.
        const std::size_t before = imsOutput_.sent[bobIms].size();
        im_->imsDocument(bobIms, ims::StatusGetRequest{"bob"});
        CPPUNIT_ASSERT_EQUAL(before, imsOutput_.sent[bobIms].size());
    }

    void testLoginOfAUserBannedMeanwhileIsRefused()
    {
        // The front-end checked the password and found no ban; the ban is recorded before the
        // login reaches the core, which checks the bans table again.
        store::SqliteBans bans(*session_);
        core_->attachUserBans(bans);
        store::BanRepository(*session_).add(store::ban_kind::kUser, "bob", "spam", "root", clock_.epochMs(),
                                            std::nullopt);
        const ConnectionId bobIms = imsLogin("bob");
        CPPUNIT_ASSERT_EQUAL(std::string("<LOGIN user=\"bob\" result=\"2\"/>"), imsOutput_.sent[bobIms].back());
        const ConnectionId bobOperator = operatorLogin("bob");
        CPPUNIT_ASSERT_EQUAL(static_cast<int>(nlchat::LoginResult::kBanned),
                             output_.lastToOperator<nlchat::Login>(bobOperator).result);
        CPPUNIT_ASSERT(!im_->isOnline("bob"));
        // Others are not affected.
        const ConnectionId alice = imsLogin("alice");
        CPPUNIT_ASSERT_EQUAL(std::string("<LOGIN user=\"alice\" result=\"1\"/>"), imsOutput_.sent[alice].front());
    }

    void testAliveTimeoutOnInjectedClock()
    {
        const ConnectionId alice = imsLogin("alice");
        clock_.advance(std::chrono::seconds(14));
        im_->imsDocument(alice, ims::Alive{});
        clock_.advance(std::chrono::seconds(14));
        core_->tick();
        CPPUNIT_ASSERT(!output_.isClosed(alice));
        clock_.advance(std::chrono::seconds(1));
        core_->tick();
        CPPUNIT_ASSERT(output_.isClosed(alice));
        CPPUNIT_ASSERT(!im_->isOnline("alice"));
    }

    void testConnectionWithoutLoginIsClosedAtTheLoginDeadline()
    {
        const ConnectionId lurker = ++last_;
        im_->imsConnected(lurker);
        const ConnectionId alice = imsLogin("alice");
        // Both keep sending ALIVE; only the one that never logged in meets the deadline (30 s).
        for (int second = 0; second < 29; ++second) {
            clock_.advance(std::chrono::seconds(1));
            im_->imsHeard(lurker);
            im_->imsDocument(alice, ims::Alive{});
            core_->tick();
        }
        CPPUNIT_ASSERT(!output_.isClosed(lurker));
        clock_.advance(std::chrono::seconds(1));
        core_->tick();
        CPPUNIT_ASSERT(output_.isClosed(lurker));
        CPPUNIT_ASSERT_EQUAL(std::string("no LOGIN within the login timeout"),
                             output_.closedConnections().at(lurker));
        CPPUNIT_ASSERT(!output_.isClosed(alice));
        im_->imsLoggedIn(lurker, "bob"); // a check that finishes late is ignored
        CPPUNIT_ASSERT(!im_->isOnline("bob"));
    }

    void testOperatorTeamMsgOfflineThenDeliveredOnceAtLogin()
    {
        const ConnectionId alice = operatorLogin("alice");
        core_->operatorPacket(alice, nlchat::TeamMsg{"", "bob", "see you", 0});
        CPPUNIT_ASSERT_EQUAL(-1, output_.lastToOperator<nlchat::TeamMsgResult>(alice).result);
        core_->operatorPacket(alice, nlchat::TeamMsg{"", "nobody", "x", 0});
        CPPUNIT_ASSERT_EQUAL(0, output_.lastToOperator<nlchat::TeamMsgResult>(alice).result);
        const ConnectionId bob = imsLogin("bob");
        CPPUNIT_ASSERT_EQUAL(std::string("<MESSAGE from=\"alice\" to=\"bob\">see you</MESSAGE>"),
                             imsOutput_.sent[bob].back());
        core_->operatorPacket(alice, nlchat::TeamMsg{"", "carol", "stored", 0});
        const ConnectionId carol = operatorLogin("carol");
        const auto stored = output_.lastToOperator<nlchat::TeamMsg>(carol);
        CPPUNIT_ASSERT(stored.offline && stored.text == "stored" && stored.ts != 0);
        core_->operatorPacket(alice, nlchat::TeamMsg{"", "carol", "live", 0});
        CPPUNIT_ASSERT(!output_.lastToOperator<nlchat::TeamMsg>(carol).offline);
        const ConnectionId bobAgain = operatorLogin("bob");
        CPPUNIT_ASSERT_EQUAL(std::size_t(0), output_.countToOperator<nlchat::TeamMsg>(bobAgain));
        // Friends: request, invite to the online user, accept, roster with statuses.
        core_->operatorPacket(alice, nlchat::FriendRequest{"bob"});
        CPPUNIT_ASSERT_EQUAL(1, output_.lastToOperator<nlchat::FriendResult>(alice).result);
        CPPUNIT_ASSERT_EQUAL(std::string("alice"), output_.lastToOperator<nlchat::FriendInvite>(bobAgain).from);
        core_->operatorPacket(bobAgain, nlchat::FriendAccept{"alice"});
        core_->operatorPacket(alice, nlchat::Roster{});
        const auto roster = output_.lastToOperator<nlchat::Roster>(alice);
        CPPUNIT_ASSERT_EQUAL(std::size_t(1), roster.friends.size());
        CPPUNIT_ASSERT_EQUAL(std::string("bob"), roster.friends[0].username);
        CPPUNIT_ASSERT_EQUAL(core::status_code::kOnline, roster.friends[0].status);
    }

    void testInvitationsInRosterAndAnswersReachTheInviter()
    {
        const ConnectionId alice = operatorLogin("alice");
        const ConnectionId bob = operatorLogin("bob");
        core_->operatorPacket(alice, nlchat::FriendRequest{"bob"});
        core_->operatorPacket(alice, nlchat::FriendRequest{"carol"});
        core_->operatorPacket(alice, nlchat::Roster{});
        auto roster = output_.lastToOperator<nlchat::Roster>(alice);
        CPPUNIT_ASSERT(roster.friends.empty() && roster.invitedBy.empty());
        CPPUNIT_ASSERT(roster.invited == (std::vector<std::string>{"bob", "carol"}));
        core_->operatorPacket(bob, nlchat::Roster{});
        CPPUNIT_ASSERT(output_.lastToOperator<nlchat::Roster>(bob).invitedBy == std::vector<std::string>{"alice"});

        core_->operatorPacket(bob, nlchat::FriendAccept{"alice"});
        CPPUNIT_ASSERT_EQUAL(std::string("bob"), output_.lastToOperator<nlchat::FriendAccept>(alice).username);
        const auto updates = output_.toOperator<nlchat::StatusUpdate>(alice);
        CPPUNIT_ASSERT(std::any_of(updates.begin(), updates.end(), [](const nlchat::StatusUpdate& update) {
            return update.username == "bob" && update.status == core::status_code::kOnline;
        }));
        const ConnectionId carol = operatorLogin("carol");
        core_->operatorPacket(carol, nlchat::FriendDeny{"alice"});
        CPPUNIT_ASSERT_EQUAL(std::string("carol"), output_.lastToOperator<nlchat::FriendDeny>(alice).username);
        // The same notice when the answer comes over IMS.
        core_->operatorPacket(alice, nlchat::FriendRequest{"carol"});
        const ConnectionId carolIms = imsLogin("carol");
        im_->imsDocument(carolIms, ims::FriendAcceptRequest{"carol", "alice"});
        CPPUNIT_ASSERT_EQUAL(std::string("carol"), output_.lastToOperator<nlchat::FriendAccept>(alice).username);
        core_->operatorPacket(alice, nlchat::FriendDelete{"bob"});
        CPPUNIT_ASSERT_EQUAL(std::string("alice"), output_.lastToOperator<nlchat::FriendDelete>(bob).username);
        core_->operatorPacket(alice, nlchat::Roster{});
        roster = output_.lastToOperator<nlchat::Roster>(alice);
        CPPUNIT_ASSERT(roster.friends.size() == 1 && roster.friends[0].username == "carol");
        CPPUNIT_ASSERT(roster.invited.empty() && roster.invitedBy.empty());
    }

private:
    std::optional<testing::TemporaryDatabase> database_;
    std::unique_ptr<Poco::Data::Session> session_;
    std::unique_ptr<store::SqliteImStore> imStore_;
    core::ManualClock clock_;
    core::testing::RecordingSink output_;
    core::testing::InMemoryConversationStore conversations_;
    RecordingImsSink imsOutput_;
    std::unique_ptr<core::ImSessionManager> im_;
    std::unique_ptr<core::Core> core_;
    ConnectionId last_ = 0;
};

CPPUNIT_TEST_SUITE_REGISTRATION(ImSessionManagerTest);

} // namespace ringdesk::ims_tests
