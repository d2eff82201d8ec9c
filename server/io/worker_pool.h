#pragma once
// CPU work off the event loops (ARCHITECTURE.md, "Concurrency"): RSA decryption of raw operator
// packets and login verification run on a small fixed pool. A Strand runs one connection's
// tasks in posting order on that pool, one at a time, so a connection's packets reach the
// dispatcher in the order they arrived while different connections use every worker.

#include <Poco/Runnable.h>
#include <Poco/Thread.h>

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace ringdesk::io {

class WorkerPool final : private Poco::Runnable
{
public:
    using Task = std::function<void()>;

    /// Starts `threads` (≥ 1) threads named `name`.
    WorkerPool(const std::string& name, int threads);
    ~WorkerPool() override;

    WorkerPool(const WorkerPool&) = delete;
    WorkerPool& operator=(const WorkerPool&) = delete;

    /// Queues a task (any thread). A task that throws is logged and dropped. Tasks posted
    /// after stop() returned are dropped; those posted while it drains still run.
    void post(Task task);
    /// Runs what is queued, then joins the threads. Idempotent.
    void stop();

private:
    void run() override;

    std::vector<std::unique_ptr<Poco::Thread>> threads_;
    std::atomic<bool> joined_{false};
    std::mutex mutex_;
    std::condition_variable wake_;
    std::deque<Task> tasks_;
    bool stopping_ = false;
    bool stopped_ = false;
};

class Strand final : public std::enable_shared_from_this<Strand>
{
public:
    /// Create with std::make_shared (tasks keep the strand alive while they run).
    explicit Strand(WorkerPool& pool) : pool_(pool) {}

    /// Queues a task (any thread); tasks of one strand never run concurrently and run in order.
    void post(WorkerPool::Task task);
    /// Tasks queued or running.
    std::size_t pending() const;
    bool idle() const { return pending() == 0; }

private:
    static constexpr int kTasksPerTurn = 16; // then the strand yields its worker to others
    void drain();

    WorkerPool& pool_;
    mutable std::mutex mutex_;
    std::deque<WorkerPool::Task> tasks_;
    bool scheduled_ = false; // a drain() is queued on or running in the pool
    std::size_t running_ = 0;
};

} // namespace ringdesk::io
