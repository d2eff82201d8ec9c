#include "server/store/store_thread.h"

#include <Poco/Exception.h>

namespace ringdesk::store {

StoreThread::StoreThread(Poco::Data::Session& session)
    : session_(session), logger_(Poco::Logger::get("ringdesk.store")), thread_("store")
{
}

StoreThread::~StoreThread() { stop(); }

void StoreThread::start()
{
    {
        std::lock_guard lock(mutex_);
        if (accepting_ || stopping_)
            return;
        accepting_ = true;
    }
    thread_.start(*this);
    started_ = true;
}

void StoreThread::stop()
{
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_one();
    // Joined whenever it was started, not when isRunning(): that turns false just before the
    // thread's last steps, and a caller that skipped the join could free what the thread still
    // uses (ThreadSanitizer found it).
    if (started_.exchange(false))
        thread_.join();
}

void StoreThread::post(Job job)
{
    Item item{std::move(job), {}};
    if (!enqueue(item))
        runJob(item.job);
}

void StoreThread::afterCommit(CommitCallback callback)
{
    Item item{{}, std::move(callback)};
    if (!enqueue(item))
        item.callback(true); // nothing is pending: every earlier job ran in its own statement
}

bool StoreThread::enqueue(Item& item)
{
    {
        std::lock_guard lock(mutex_);
        if (!accepting_)
            return false;
        queue_.push_back(std::move(item));
    }
    wake_.notify_one();
    return true;
}

std::uint64_t StoreThread::commits() const
{
    std::lock_guard lock(mutex_);
    return commits_;
}

std::uint64_t StoreThread::rollbacks() const
{
    std::lock_guard lock(mutex_);
    return rollbacks_;
}

void StoreThread::run()
{
    for (;;) {
        std::deque<Item> batch;
        {
            std::unique_lock lock(mutex_);
            wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
            if (queue_.empty()) {
                // Stopping with nothing left: from here on callers run their jobs themselves.
                accepting_ = false;
                return;
            }
            batch.swap(queue_);
        }
        runBatch(batch);
    }
}

void StoreThread::runBatch(std::deque<Item>& batch)
{
    std::size_t jobs = 0;
    for (const Item& item : batch)
        jobs += item.job ? 1 : 0;
    bool committed = true;
    if (jobs > 0) {
        try {
            session_.begin();
            for (const Item& item : batch)
                if (item.job)
                    runJob(item.job);
            session_.commit();
        } catch (const Poco::Exception& e) {
            logger_.critical("transaction of %z jobs not stored: %s", jobs, e.displayText());
            committed = false;
            try {
                if (session_.isTransaction())
                    session_.rollback();
            } catch (const Poco::Exception& again) {
                logger_.critical("rollback failed: %s", again.displayText());
            }
        }
        std::lock_guard lock(mutex_);
        ++(committed ? commits_ : rollbacks_);
    }
    for (const Item& item : batch) {
        if (!item.callback)
            continue;
        try {
            item.callback(committed);
        } catch (const std::exception& e) {
            logger_.error("after-commit callback failed: %s", std::string(e.what()));
        }
    }
}

void StoreThread::runJob(const Job& job)
{
    try {
        job();
    } catch (const Poco::Exception& e) {
        logger_.error("store job failed: %s", e.displayText());
    } catch (const std::exception& e) {
        logger_.error("store job failed: %s", std::string(e.what()));
    }
}

} // namespace ringdesk::store
