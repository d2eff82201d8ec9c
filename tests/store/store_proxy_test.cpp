// The proxies the dispatcher uses (store::ConversationStoreProxy, store::ImStoreProxy) over the
// SQLite stores on a running store thread: a read answers after the writes queued before it,
// and the writes are committed before a callback queued after them runs.
#include "server/store/conversation_store_proxy.h"
#include "server/store/im_store_proxy.h"
#include "server/store/sqlite_conversation_store.h"
#include "server/store/sqlite_im_store.h"
#include "server/store/store_thread.h"

#include "temporary_database.h"

#include <cppunit/extensions/HelperMacros.h>

#include <future>
#include <memory>
#include <optional>

namespace ringdesk::store_tests {

using core::ConversationState;

class StoreProxyTest : public CppUnit::TestFixture
{
    CPPUNIT_TEST_SUITE(StoreProxyTest);
    CPPUNIT_TEST(testConversationReadsSeeQueuedWrites);
    CPPUNIT_TEST(testImAnswersAndQueuedOfflineMessages);
    CPPUNIT_TEST_SUITE_END();

public:
    void setUp() override
    {
        database_.emplace();
        session_ = std::make_unique<Poco::Data::Session>(database_->open());
        thread_ = std::make_unique<store::StoreThread>(*session_);
        thread_->start();
    }

    void tearDown() override
    {
        thread_.reset();
        session_.reset();
        database_.reset();
    }

    void testConversationReadsSeeQueuedWrites()
    {
        store::SqliteConversationStore target(*session_);
        store::ConversationStoreProxy proxy(target, *thread_);
        proxy.createVisitor({"v-00000000000000aa", "Ann"}, "hash", "192.0.2.7", 1); // queued
        const auto found = proxy.findVisitorByTokenHash("hash");
        CPPUNIT_ASSERT(found.has_value());
        CPPUNIT_ASSERT_EQUAL(std::string("Ann"), found->name);

        const std::int64_t id = proxy.createConversation(
            {0, "v-00000000000000aa", "Ann", "/", ConversationState::Ringing, {}, {}, 0}, 2);
        CPPUNIT_ASSERT(id > 0);
        for (std::int64_t seq = 1; seq <= 3; ++seq)
            proxy.appendMessage(id, {seq, false, {}, "m" + std::to_string(seq), 10 + seq});
        proxy.advanceConversation(id, 4, 20);
        const auto messages = proxy.messages(id, 1);
        CPPUNIT_ASSERT_EQUAL(std::size_t{2}, messages.size());
        CPPUNIT_ASSERT_EQUAL(std::string("m3"), messages[1].text);
        CPPUNIT_ASSERT_EQUAL(std::int64_t{4}, proxy.latestConversation("v-00000000000000aa")->lastSeq);

        // Committed by the time a callback queued after them runs: another connection sees them.
        std::promise<int> rows;
        thread_->afterCommit([this, &rows](bool) {
            int count = 0;
            database_->open() << "SELECT COUNT(*) FROM messages", Poco::Data::Keywords::into(count),
                Poco::Data::Keywords::now;
            rows.set_value(count);
        });
        CPPUNIT_ASSERT_EQUAL(3, rows.get_future().get());
    }

    void testImAnswersAndQueuedOfflineMessages()
    {
        thread_->call([this] { // the session belongs to the store thread now
            testing::addOperators(*session_, {"alice", "bob"});
            return 0;
        });
        store::SqliteImStore target(*session_);
        store::ImStoreProxy proxy(target, *thread_);
        CPPUNIT_ASSERT(proxy.userExists("alice"));
        CPPUNIT_ASSERT(!proxy.userExists("nobody"));
        CPPUNIT_ASSERT(proxy.inviteFriend("alice", "bob", 1));
        CPPUNIT_ASSERT(proxy.acceptFriend("bob", "alice"));
        CPPUNIT_ASSERT_EQUAL(std::size_t{1}, proxy.friendsOf("alice").size());

        proxy.storeOfflineMessage("alice", "bob", "see you", 5); // queued
        const auto waiting = proxy.undeliveredMessages("bob");
        CPPUNIT_ASSERT_EQUAL(std::size_t{1}, waiting.size());
        proxy.markDelivered(waiting[0].id, 6); // queued
        CPPUNIT_ASSERT(proxy.undeliveredMessages("bob").empty());
    }

private:
    std::optional<testing::TemporaryDatabase> database_;
    std::unique_ptr<Poco::Data::Session> session_;
    std::unique_ptr<store::StoreThread> thread_;
};

CPPUNIT_TEST_SUITE_REGISTRATION(StoreProxyTest);

} // namespace ringdesk::store_tests
