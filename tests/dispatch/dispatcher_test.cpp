// dispatch::Dispatcher with the real core on a manual clock and the real store thread on a
// temporary SQLite file; connections are recording links in the registry. Events run in
// posting order, a failing event is skipped, and a batch's output reaches the connections
// only once what the batch wrote is committed.

#include "server/dispatch/dispatcher.h"
#include "server/store/im_store_proxy.h"
#include "server/store/sqlite_im_store.h"
#include "support/fakes/in_memory_conversation_store.h"
#include "support/fakes/recording_links.h"
#include "support/shared_manual_clock.h"
#include "tests/store/temporary_database.h"

#include <cppunit/extensions/HelperMacros.h>

#include <algorithm>
#include <future>
#include <stdexcept>

namespace ringdesk::runtime_tests {

class DispatcherTest : public CppUnit::TestFixture
{
    CPPUNIT_TEST_SUITE(DispatcherTest);
    CPPUNIT_TEST(testEventsRunInPostingOrder);
    CPPUNIT_TEST(testFailingEventIsSkipped);
    CPPUNIT_TEST(testOutputWaitsForTheCommit);
    CPPUNIT_TEST_SUITE_END();

public:
    void setUp() override
    {
        session_.emplace(database_.open());
        imStore_.emplace(*session_);
        storeThread_.emplace(*session_);
        imStoreProxy_.emplace(*imStore_, *storeThread_);
        dispatcher_.emplace(core::CoreSettings{}, core::ImSettings{}, clock_, registry_, *storeThread_,
                            conversations_, *imStoreProxy_, std::chrono::milliseconds(5));
        storeThread_->start();
        dispatcher_->start();
    }

    void tearDown() override
    {
        dispatcher_->stop();
        storeThread_->stop();
        dispatcher_.reset();
        imStoreProxy_.reset();
        storeThread_.reset();
        imStore_.reset();
        session_.reset();
    }

    void testEventsRunInPostingOrder()
    {
        std::vector<int> order; // dispatcher thread only, until ask() returns
        for (int i = 0; i < 50; ++i)
            dispatcher_->post([&order, i](core::Core&) { order.push_back(i); });
        const std::size_t ran = dispatcher_->ask([&order](const core::Core&) { return order.size(); });
        CPPUNIT_ASSERT_EQUAL(std::size_t(50), ran);
        for (int i = 0; i < 50; ++i)
            CPPUNIT_ASSERT_EQUAL(i, order[static_cast<std::size_t>(i)]);
    }

    void testFailingEventIsSkipped()
    {
        dispatcher_->post([](core::Core&) { throw std::runtime_error("broken event"); });
        bool later = false;
        dispatcher_->post([&later](core::Core&) { later = true; });
        CPPUNIT_ASSERT(dispatcher_->ask([&later](const core::Core&) { return later; }));
    }

    void testOutputWaitsForTheCommit()
    {
        auto link = std::make_shared<test_support::RecordingOperatorLink>();
        registry_.add(1, link);
        // A slow write holds the store thread: the batch after it must not be delivered yet.
        std::promise<void> release;
        std::shared_future<void> released = release.get_future().share();
        storeThread_->post([released] { released.wait(); });
        dispatcher_->post([](core::Core& core) {
            core.operatorConnected(1, "peer");
            core.operatorPacket(1, nlchat::Key{"uuid-1", {}}); // answered with the status
        });
        dispatcher_->ask([](const core::Core&) { return 0; });
        CPPUNIT_ASSERT_MESSAGE("output sent before the commit", link->delivered().empty());

        release.set_value();
        std::promise<void> delivered;
        dispatcher_->afterDelivery([&delivered] { delivered.set_value(); });
        delivered.get_future().wait();
        const std::vector<nlchat::Packet> packets = link->delivered();
        CPPUNIT_ASSERT(std::any_of(packets.begin(), packets.end(), [](const nlchat::Packet& packet) {
            return std::holds_alternative<nlchat::Status>(packet);
        }));
    }

private:
    testing::TemporaryDatabase database_;
    std::optional<Poco::Data::Session> session_;
    test_support::SharedManualClock clock_;
    core::testing::InMemoryConversationStore conversations_;
    std::optional<store::SqliteImStore> imStore_;
    std::optional<store::StoreThread> storeThread_;
    std::optional<store::ImStoreProxy> imStoreProxy_;
    dispatch::ConnectionRegistry registry_;
    std::optional<dispatch::Dispatcher> dispatcher_;
};

CPPUNIT_TEST_SUITE_REGISTRATION(DispatcherTest);

} // namespace ringdesk::runtime_tests
