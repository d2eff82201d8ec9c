// store::StoreThread on a temporary SQLite file: order, one transaction per wake-up, reads that
// see earlier writes, output held until the commit, and what a failed commit does.
#include "server/store/store_thread.h"

#include "temporary_database.h"

#include <Poco/Data/Session.h>

#include <cppunit/extensions/HelperMacros.h>

#include <atomic>
#include <future>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace ringdesk::store_tests {

using namespace Poco::Data::Keywords;

class StoreThreadTest : public CppUnit::TestFixture
{
    CPPUNIT_TEST_SUITE(StoreThreadTest);
    CPPUNIT_TEST(testWritesCommitBeforeTheCallback);
    CPPUNIT_TEST(testCallSeesEarlierWrites);
    CPPUNIT_TEST(testCallRethrows);
    CPPUNIT_TEST(testFailingJobIsSkipped);
    CPPUNIT_TEST(testFailedCommitIsReported);
    CPPUNIT_TEST(testStopStoresWhatIsQueued);
    CPPUNIT_TEST(testRunsInlineWhenNotRunning);
    CPPUNIT_TEST_SUITE_END();

public:
    void setUp() override
    {
        database_.emplace();
        session_ = std::make_unique<Poco::Data::Session>(database_->open());
        *session_ << "CREATE TABLE notes (n INTEGER NOT NULL)", now;
        thread_ = std::make_unique<store::StoreThread>(*session_);
    }

    void tearDown() override
    {
        thread_.reset();
        session_.reset();
        database_.reset();
    }

    void testWritesCommitBeforeTheCallback()
    {
        thread_->start();
        for (int n = 1; n <= 50; ++n)
            thread_->post([this, n] { insert(n); });
        std::promise<std::pair<bool, int>> seen;
        // Read on another connection: only committed rows are visible there.
        thread_->afterCommit([this, &seen](bool committed) {
            seen.set_value({committed, countOn(database_->open())});
        });
        const auto [committed, rows] = seen.get_future().get();
        CPPUNIT_ASSERT(committed);
        CPPUNIT_ASSERT_EQUAL(50, rows);
        thread_->stop();
        // Group commit: 50 writes queued together need far fewer transactions.
        CPPUNIT_ASSERT(thread_->commits() >= 1 && thread_->commits() < 50);
        CPPUNIT_ASSERT_EQUAL(std::uint64_t{0}, thread_->rollbacks());
    }

    void testCallSeesEarlierWrites()
    {
        thread_->start();
        thread_->post([this] { insert(1); });
        thread_->post([this] { insert(2); });
        const int rows = thread_->call([this] { return countOn(*session_); });
        CPPUNIT_ASSERT_EQUAL(2, rows);
        const std::string text = thread_->call([] { return std::string("answer"); });
        CPPUNIT_ASSERT_EQUAL(std::string("answer"), text);
    }

    void testCallRethrows()
    {
        thread_->start();
        CPPUNIT_ASSERT_THROW(thread_->call([]() -> int { throw std::runtime_error("no such row"); }),
                             std::runtime_error);
        CPPUNIT_ASSERT_THROW(thread_->call([this] {
                                 *session_ << "SELECT x FROM missing_table", now;
                                 return 0;
                             }),
                             Poco::Exception);
        // The thread goes on.
        thread_->post([this] { insert(7); });
        CPPUNIT_ASSERT_EQUAL(1, thread_->call([this] { return countOn(*session_); }));
    }

    void testFailingJobIsSkipped()
    {
        thread_->start();
        thread_->post([this] { insert(1); });
        thread_->post([] { throw std::runtime_error("broken job"); });
        thread_->post([this] { *session_ << "INSERT INTO notes (n) VALUES (NULL)", now; });
        thread_->post([this] { insert(2); });
        std::promise<bool> done;
        thread_->afterCommit([&done](bool committed) { done.set_value(committed); });
        CPPUNIT_ASSERT(done.get_future().get());
        CPPUNIT_ASSERT_EQUAL(2, countOn(database_->open()));
    }

    void testFailedCommitIsReported()
    {
        // A deferred foreign key is checked at COMMIT: the whole transaction rolls back.
        *session_ << "CREATE TABLE parents (id INTEGER PRIMARY KEY)", now;
        *session_ << "CREATE TABLE children (parent INTEGER REFERENCES parents (id) "
                     "DEFERRABLE INITIALLY DEFERRED)", now;
        thread_->start();
        std::promise<void> running;
        std::promise<void> hold;
        std::shared_future<void> held = hold.get_future().share();
        // Keeps the thread busy so that the next three items are queued as one batch.
        thread_->post([&running, held] {
            running.set_value();
            held.wait();
        });
        running.get_future().wait();
        thread_->post([this] { insert(1); });
        thread_->post([this] { *session_ << "INSERT INTO children (parent) VALUES (42)", now; });
        std::promise<bool> done;
        thread_->afterCommit([&done](bool committed) { done.set_value(committed); });
        hold.set_value();
        CPPUNIT_ASSERT(!done.get_future().get());
        CPPUNIT_ASSERT_EQUAL(0, countOn(database_->open()));
        CPPUNIT_ASSERT_EQUAL(std::uint64_t{1}, thread_->rollbacks());

        // The next transaction is independent of the failed one.
        thread_->post([this] { insert(3); });
        std::promise<bool> after;
        thread_->afterCommit([&after](bool committed) { after.set_value(committed); });
        CPPUNIT_ASSERT(after.get_future().get());
        CPPUNIT_ASSERT_EQUAL(1, countOn(database_->open()));
    }

    void testStopStoresWhatIsQueued()
    {
        thread_->start();
        std::atomic<int> callbacks{0};
        for (int n = 1; n <= 200; ++n) {
            thread_->post([this, n] { insert(n); });
            thread_->afterCommit([&callbacks](bool committed) { callbacks += committed ? 1 : 0; });
        }
        thread_->stop();
        CPPUNIT_ASSERT_EQUAL(200, callbacks.load());
        CPPUNIT_ASSERT_EQUAL(200, countOn(database_->open()));
    }

    void testRunsInlineWhenNotRunning()
    {
        thread_->post([this] { insert(1); }); // before start: at once
        CPPUNIT_ASSERT_EQUAL(1, countOn(database_->open()));
        thread_->start();
        thread_->stop();
        bool called = false;
        thread_->afterCommit([&called](bool committed) { called = committed; });
        CPPUNIT_ASSERT(called);
        CPPUNIT_ASSERT_EQUAL(1, thread_->call([this] { return countOn(*session_); }));
    }

private:
    void insert(int n) { *session_ << "INSERT INTO notes (n) VALUES (?)", bind(n), now; }

    static int countOn(Poco::Data::Session session)
    {
        int rows = 0;
        session << "SELECT COUNT(*) FROM notes", into(rows), now;
        return rows;
    }

    std::optional<testing::TemporaryDatabase> database_;
    std::unique_ptr<Poco::Data::Session> session_;
    std::unique_ptr<store::StoreThread> thread_;
};

CPPUNIT_TEST_SUITE_REGISTRATION(StoreThreadTest);

} // namespace ringdesk::store_tests
