#pragma once
// The store's own thread (ARCHITECTURE.md, "Concurrency"): every statement on the server's
// database connection runs here, in the order it was queued, so the dispatcher hands writes
// over instead of waiting for SQLite and the disk. What is queued when the thread wakes runs as
// one transaction (group commit: one commit for many messages); callbacks registered with
// afterCommit() run once everything queued before them is committed, which is how the
// dispatcher keeps "a message is stored before it is relayed".

#include "server/core/commit_barrier.h"

#include <Poco/Data/Session.h>
#include <Poco/Logger.h>
#include <Poco/Runnable.h>
#include <Poco/Thread.h>

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <future>
#include <mutex>
#include <type_traits>

namespace ringdesk::store {

class StoreThread final : public core::CommitBarrier, private Poco::Runnable
{
public:
    using Job = std::function<void()>;
    /// Told whether the transaction holding every earlier job committed (false: rolled back).
    using CommitCallback = core::CommitBarrier::CommitCallback;

    /// Jobs use `session` (the caller keeps it alive and uses it from no other thread while the
    /// thread runs). Logs to "ringdesk.store".
    explicit StoreThread(Poco::Data::Session& session);
    ~StoreThread() override;

    StoreThread(const StoreThread&) = delete;
    StoreThread& operator=(const StoreThread&) = delete;

    void start();
    /// Runs and commits what is queued, then ends the thread. Idempotent. Before start() and
    /// after stop(), jobs and callbacks run at once on the caller's thread (each job in its own
    /// autocommit statement), so one caller thread at a time may use the object then.
    void stop();

    /// Queues a write. A job that throws is logged and skipped; the rest of its transaction
    /// still commits (as an event that fails half-way did on the dispatcher before).
    void post(Job job);
    /// Queues `callback`, run on this thread after the jobs queued before it committed (or
    /// failed to: then with false). A throwing callback is logged.
    void afterCommit(CommitCallback callback) override;

    /// Runs `query` after every job queued before it, inside the same transaction (so it sees
    /// them), waits for it and returns its result; an exception it throws is rethrown here.
    template <typename F>
    std::invoke_result_t<F&> call(F query)
    {
        using Result = std::invoke_result_t<F&>;
        std::packaged_task<Result()> task(std::move(query));
        std::future<Result> result = task.get_future();
        post([&task] { task(); }); // the caller waits below, so `task` outlives the job
        return result.get();
    }

    /// Transactions committed and rolled back so far (for tests).
    std::uint64_t commits() const;
    std::uint64_t rollbacks() const;

private:
    struct Item
    {
        Job job;                 // a write or a call, or
        CommitCallback callback; // a callback waiting for the commit
    };

    void run() override;
    /// Moves `item` into the queue, or leaves it and returns false when the thread is not
    /// running (the caller runs it).
    bool enqueue(Item& item);
    void runBatch(std::deque<Item>& batch);
    void runJob(const Job& job);

    Poco::Data::Session& session_;
    Poco::Logger& logger_;
    Poco::Thread thread_;
    std::atomic<bool> started_{false}; // and not joined yet
    mutable std::mutex mutex_;
    std::condition_variable wake_;
    std::deque<Item> queue_;
    bool accepting_ = false; // the thread runs and takes new items
    bool stopping_ = false;
    std::uint64_t commits_ = 0;
    std::uint64_t rollbacks_ = 0;
};

} // namespace ringdesk::store
