// The IM tables' repositories on a temporary SQLite file (db/migrations/0002_accounts.sql).
#include "server/store/ban_repository.h"
#include "server/store/database.h"
#include "server/store/friend_repository.h"
#include "server/store/offline_message_repository.h"
#include "server/store/prepared_statement.h"
#include "server/store/status_repository.h"

#include "temporary_database.h"

#include "protocol/user_status.h"

#include <Poco/Data/DataException.h>

#include <cppunit/extensions/HelperMacros.h>

#include <algorithm>
#include <memory>
#include <optional>
#include <thread>
#include <vector>

namespace ringdesk::store_tests {

class RepositoryTest : public CppUnit::TestFixture
{
    CPPUNIT_TEST_SUITE(RepositoryTest);
    CPPUNIT_TEST(testStatusesSeeded);
    CPPUNIT_TEST(testFriendshipLifecycle);
    CPPUNIT_TEST(testOfflineMessagesInOrderOnce);
    CPPUNIT_TEST(testBansActiveExpiredLifted);
    CPPUNIT_TEST(testConcurrentOpenersMigrateOnce);
    CPPUNIT_TEST(testPreparedStatementSurvivesAFailedRun);
    CPPUNIT_TEST_SUITE_END();

public:
    void setUp() override
    {
        database_.emplace();
        session_ = std::make_unique<Poco::Data::Session>(database_->open());
        testing::addOperators(*session_, {"alice", "bob", "carol"});
    }
    void tearDown() override
    {
        session_.reset();
        database_.reset();
    }

    // The seeded statuses are the protocol's (protocol/user_status.h): same numbers, same names,
    // and only Online is ringable.
    void testStatusesSeeded()
    {
        namespace user_status = protocol::user_status;
        const auto statuses = store::StatusRepository(*session_).list();
        CPPUNIT_ASSERT_EQUAL(std::size_t(4), statuses.size());
        for (const auto& status : statuses) {
            const auto name = protocol::userStatusName(status.id);
            CPPUNIT_ASSERT_MESSAGE("status " + std::to_string(status.id), name.has_value());
            CPPUNIT_ASSERT_EQUAL(std::string(*name), status.name);
            CPPUNIT_ASSERT_EQUAL(status.id == user_status::kOnline, status.ringable);
        }
        for (int id : {user_status::kOnline, user_status::kAway, user_status::kBusy, user_status::kOffline})
            CPPUNIT_ASSERT_EQUAL(std::size_t(1), static_cast<std::size_t>(std::count_if(
                                                     statuses.begin(), statuses.end(),
                                                     [id](const auto& status) { return status.id == id; })));
    }

    void testFriendshipLifecycle()
    {
        store::FriendRepository friends(*session_);
        CPPUNIT_ASSERT(friends.invite("alice", "bob", 1));
        CPPUNIT_ASSERT(!friends.invite("alice", "bob", 2)); // already pending
        CPPUNIT_ASSERT(!friends.invite("bob", "alice", 2)); // pending the other way
        CPPUNIT_ASSERT(!friends.invite("alice", "alice", 2));
        CPPUNIT_ASSERT(friends.friendsOf("alice").empty());
        CPPUNIT_ASSERT(friends.pendingInvitersOf("bob") == std::vector<std::string>{"alice"});
        CPPUNIT_ASSERT(!friends.accept("alice", "bob")); // only the invitee accepts
        CPPUNIT_ASSERT(friends.accept("bob", "alice"));
        CPPUNIT_ASSERT(friends.friendsOf("alice") == std::vector<std::string>{"bob"});
        CPPUNIT_ASSERT(friends.friendsOf("bob") == std::vector<std::string>{"alice"});
        CPPUNIT_ASSERT(friends.areFriends("bob", "alice"));
        CPPUNIT_ASSERT(friends.invite("carol", "bob", 3));
        CPPUNIT_ASSERT(friends.deny("bob", "carol"));
        CPPUNIT_ASSERT(!friends.deny("bob", "carol"));
        CPPUNIT_ASSERT(friends.remove("bob", "alice")); // either side ends it
        CPPUNIT_ASSERT(!friends.remove("bob", "alice"));
        CPPUNIT_ASSERT(friends.friendsOf("alice").empty());
    }

    void testOfflineMessagesInOrderOnce()
    {
        store::OfflineMessageRepository messages(*session_);
        messages.store("alice", "bob", "one", 10);
        messages.store("carol", "bob", "two", 5); // stored later, delivered later
        messages.store("alice", "carol", "other", 11);
        auto pending = messages.undelivered("bob");
        CPPUNIT_ASSERT_EQUAL(std::size_t(2), pending.size());
        CPPUNIT_ASSERT_EQUAL(std::string("one"), pending[0].body);
        CPPUNIT_ASSERT_EQUAL(std::string("two"), pending[1].body);
        CPPUNIT_ASSERT(messages.markDelivered(pending[0].id, 20));
        CPPUNIT_ASSERT(!messages.markDelivered(pending[0].id, 21));
        pending = messages.undelivered("bob");
        CPPUNIT_ASSERT_EQUAL(std::size_t(1), pending.size());
        CPPUNIT_ASSERT_EQUAL(std::string("carol"), pending[0].sender);
    }

    void testBansActiveExpiredLifted()
    {
        store::BanRepository bans(*session_);
        bans.add(store::ban_kind::kUser, "alice", "old", "root", 0, 100);
        CPPUNIT_ASSERT(!bans.active(store::ban_kind::kUser, "alice", 100));
        CPPUNIT_ASSERT(bans.active(store::ban_kind::kUser, "alice", 99));
        bans.add(store::ban_kind::kUser, "bob", "spam", "root", 50, std::nullopt);
        const auto ban = bans.active(store::ban_kind::kUser, "bob", 1'000'000);
        CPPUNIT_ASSERT(ban && ban->reason == "spam" && ban->bannedBy == "root" && !ban->until);
        CPPUNIT_ASSERT(!bans.active(store::ban_kind::kVisitor, "bob", 1'000'000));
        CPPUNIT_ASSERT_EQUAL(std::size_t(1), bans.lift(store::ban_kind::kUser, "bob", 2'000'000));
        CPPUNIT_ASSERT(!bans.active(store::ban_kind::kUser, "bob", 2'000'001));
        CPPUNIT_ASSERT_EQUAL(std::size_t(2), bans.list().size());
        CPPUNIT_ASSERT_THROW(bans.add("house", "x", "", "", 0, std::nullopt), std::invalid_argument);
    }

private:
    std::optional<testing::TemporaryDatabase> database_;
    std::unique_ptr<Poco::Data::Session> session_;

    // The server and ringdesk-admin processes may open a new file at the same moment.
    void testConcurrentOpenersMigrateOnce()
    {
        const testing::TemporaryDatabase database;
        std::vector<std::string> failures(4);
        std::vector<std::thread> openers;
        for (std::size_t i = 0; i < failures.size(); ++i)
            openers.emplace_back([&, i] {
                try {
                    database.open();
                } catch (const Poco::Exception& e) {
                    failures[i] = e.displayText();
                }
            });
        for (std::thread& opener : openers)
            opener.join();
        for (const std::string& failure : failures)
            CPPUNIT_ASSERT_EQUAL(std::string(), failure);
        Poco::Data::Session session = database.open();
        int applied = 0;
        session << "SELECT COUNT(*) FROM schema_migrations", Poco::Data::Keywords::into(applied),
            Poco::Data::Keywords::now;
        CPPUNIT_ASSERT_EQUAL(store::schemaVersion(session), applied);
    }

    void testPreparedStatementSurvivesAFailedRun()
    {
        *session_ << "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL)", Poco::Data::Keywords::now;
        store::PreparedStatement insert(*session_, "INSERT INTO notes (id, body) VALUES (?, ?)");
        insert.run(std::int64_t{1}, std::string("first"));
        CPPUNIT_ASSERT_THROW(insert.run(std::int64_t{1}, std::string("same id")), Poco::Data::DataException);
        insert.run(std::int64_t{2}, std::string("second, after the failure"));
        std::vector<std::string> bodies;
        *session_ << "SELECT body FROM notes ORDER BY id", Poco::Data::Keywords::into(bodies), Poco::Data::Keywords::now;
        CPPUNIT_ASSERT_EQUAL(std::size_t(2), bodies.size());
        CPPUNIT_ASSERT_EQUAL(std::string("second, after the failure"), bodies[1]);
        CPPUNIT_ASSERT_THROW(store::PreparedStatement(*session_, "INSERT INTO missing VALUES (?)"),
                             Poco::Data::DataException);
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(RepositoryTest);

} // namespace ringdesk::store_tests
