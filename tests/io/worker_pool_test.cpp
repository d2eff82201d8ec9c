#include "server/io/worker_pool.h"

#include <cppunit/extensions/HelperMacros.h>

#include <Poco/Exception.h>

#include <future>
#include <mutex>
#include <vector>

using ringdesk::io::Strand;
using ringdesk::io::WorkerPool;

class WorkerPoolTest : public CppUnit::TestFixture
{
    CPPUNIT_TEST_SUITE(WorkerPoolTest);
    CPPUNIT_TEST(testStrandKeepsOrderAndNeverOverlaps);
    CPPUNIT_TEST(testStrandsShareThePool);
    CPPUNIT_TEST(testFailingTaskDoesNotStopTheStrand);
    CPPUNIT_TEST(testStopRunsWhatIsQueued);
    CPPUNIT_TEST_SUITE_END();

public:
    void testStrandKeepsOrderAndNeverOverlaps()
    {
        WorkerPool pool("test", 4);
        auto strand = std::make_shared<Strand>(pool);
        std::vector<int> seen;
        std::atomic<int> inside{0};
        std::atomic<bool> overlapped{false};
        std::promise<void> done;
        constexpr int kTasks = 1000;
        for (int i = 0; i < kTasks; ++i)
            strand->post([&, i] {
                if (++inside > 1)
                    overlapped = true;
                seen.push_back(i); // unguarded on purpose: the strand serializes
                --inside;
                if (i == kTasks - 1)
                    done.set_value();
            });
        done.get_future().get();
        CPPUNIT_ASSERT(!overlapped);
        CPPUNIT_ASSERT_EQUAL(std::size_t{kTasks}, seen.size());
        for (int i = 0; i < kTasks; ++i)
            CPPUNIT_ASSERT_EQUAL(i, seen[i]);
        pool.stop();
        CPPUNIT_ASSERT(strand->idle());
    }

    void testStrandsShareThePool()
    {
        // Two strands on two workers run side by side: the first strand's task waits for the
        // second strand's, which runs on the other worker meanwhile.
        WorkerPool pool("test", 2);
        auto first = std::make_shared<Strand>(pool);
        auto second = std::make_shared<Strand>(pool);
        std::promise<void> secondRan;
        auto secondDone = secondRan.get_future().share();
        std::promise<bool> firstSaw;
        first->post([secondDone, &firstSaw] {
            firstSaw.set_value(secondDone.wait_for(std::chrono::seconds(30)) == std::future_status::ready);
        });
        second->post([&secondRan] { secondRan.set_value(); });
        CPPUNIT_ASSERT(firstSaw.get_future().get());
    }

    void testFailingTaskDoesNotStopTheStrand()
    {
        WorkerPool pool("test", 1);
        auto strand = std::make_shared<Strand>(pool);
        std::promise<int> after;
        strand->post([] { throw Poco::IOException("task failed on purpose"); });
        strand->post([&after] { after.set_value(42); });
        CPPUNIT_ASSERT_EQUAL(42, after.get_future().get());
    }

    void testStopRunsWhatIsQueued()
    {
        std::atomic<int> ran{0};
        {
            WorkerPool pool("test", 1);
            auto strand = std::make_shared<Strand>(pool);
            for (int i = 0; i < 100; ++i)
                strand->post([&ran] { ++ran; });
            pool.stop();
        }
        CPPUNIT_ASSERT_EQUAL(100, ran.load());
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(WorkerPoolTest);
