#include "server/io/worker_pool.h"

#include <Poco/Exception.h>
#include <Poco/Logger.h>

namespace ringdesk::io {
namespace {

// A failing task is logged and dropped; the worker and the strand go on.
void runLogged(const WorkerPool::Task& task) noexcept
{
    try {
        task();
    } catch (const Poco::Exception& e) {
        Poco::Logger::get("ringdesk.server").error("worker task failed: %s", e.displayText());
    } catch (const std::exception& e) {
        Poco::Logger::get("ringdesk.server").error("worker task failed: %s", std::string(e.what()));
    }
}

} // namespace

WorkerPool::WorkerPool(const std::string& name, int threads)
{
    for (int i = 0; i < std::max(1, threads); ++i) {
        threads_.push_back(std::make_unique<Poco::Thread>(name + "-" + std::to_string(i)));
        threads_.back()->start(*this);
    }
}

WorkerPool::~WorkerPool() { stop(); }

void WorkerPool::post(Task task)
{
    {
        std::lock_guard lock(mutex_);
        if (stopped_)
            return;
        tasks_.push_back(std::move(task));
    }
    wake_.notify_one();
}

void WorkerPool::stop()
{
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    // Joined once, whenever started, not when isRunning(): that turns false just before the
    // thread's last steps, and a caller that skipped the join could free what the thread still
    // uses (ThreadSanitizer found it).
    if (!joined_.exchange(true))
        for (auto& thread : threads_)
            thread->join();
    std::lock_guard lock(mutex_);
    stopped_ = true;
}

void WorkerPool::run()
{
    for (;;) {
        Task task;
        {
            std::unique_lock lock(mutex_);
            wake_.wait(lock, [this] { return stopping_ || !tasks_.empty(); });
            if (tasks_.empty())
                return; // stopping and drained
            task = std::move(tasks_.front());
            tasks_.pop_front();
        }
        runLogged(task);
    }
}

void Strand::post(WorkerPool::Task task)
{
    bool schedule = false;
    {
        std::lock_guard lock(mutex_);
        tasks_.push_back(std::move(task));
        schedule = !scheduled_;
        scheduled_ = true;
    }
    if (schedule)
        pool_.post([self = shared_from_this()] { self->drain(); });
}

std::size_t Strand::pending() const
{
    std::lock_guard lock(mutex_);
    return tasks_.size() + running_;
}

void Strand::drain()
{
    for (int done = 0; done < kTasksPerTurn; ++done) {
        WorkerPool::Task task;
        {
            std::lock_guard lock(mutex_);
            if (tasks_.empty()) {
                scheduled_ = false;
                return;
            }
            task = std::move(tasks_.front());
            tasks_.pop_front();
            running_ = 1;
        }
        runLogged(task);
        std::lock_guard lock(mutex_);
        running_ = 0;
    }
    // Yield the worker: the rest of this strand's queue runs after other connections' tasks.
    pool_.post([self = shared_from_this()] { self->drain(); });
}

} // namespace ringdesk::io
