#pragma once
// The send side of one connection: items queued by the dispatcher are encoded and written by
// the connection's own writer thread, so a slow peer never stalls the core. The queue is
// bounded; a peer that falls behind by more than maxItems is disconnected (ARCHITECTURE.md,
// "a slow consumer is disconnected rather than allowed to grow memory without bound").

#include <Poco/Runnable.h>
#include <Poco/Thread.h>

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <string>

namespace ringdesk::io {

template <typename Item>
class WriterThread final : private Poco::Runnable
{
public:
    /// `write` runs on the writer thread for each item in order; it throws to report a dead
    /// peer. `onFailure(reason)` runs once (writer thread) when writing failed or the queue
    /// overflowed, after which nothing more is written.
    WriterThread(std::function<void(const Item&)> write, std::function<void(const std::string&)> onFailure,
                 std::size_t maxItems, const std::string& threadName)
        : write_(std::move(write)), onFailure_(std::move(onFailure)), maxItems_(maxItems), thread_(threadName)
    {
        thread_.setStackSize(256 * 1024);
        thread_.start(*this);
    }

    ~WriterThread() override { stop(); }

    WriterThread(const WriterThread&) = delete;
    WriterThread& operator=(const WriterThread&) = delete;

    /// Queues an item; returns false (and fails the queue) when it is full.
    bool push(Item item)
    {
        bool queued = false;
        {
            std::lock_guard lock(mutex_);
            if (stopping_ || failed_)
                return false;
            if (items_.size() >= maxItems_) {
                failed_ = true;
                failureReason_ = "send queue overflow";
                items_.clear();
            } else {
                items_.push_back(std::move(item));
                queued = true;
            }
        }
        wake_.notify_one();
        // Decided under the lock: the writer thread may set failed_ as soon as it is released.
        return queued;
    }

    /// Writes what is queued, then stops the writer thread. Idempotent.
    void stop()
    {
        {
            std::lock_guard lock(mutex_);
            stopping_ = true;
        }
        wake_.notify_one();
        // Joined once (it started in the constructor), not when isRunning(): that turns false
        // just before the thread's last steps, and a caller that skipped the join could free
        // what the thread still uses (ThreadSanitizer found it).
        if (!joined_.exchange(true))
            thread_.join();
    }

private:
    void run() override
    {
        for (;;) {
            Item item;
            std::string failure;
            {
                std::unique_lock lock(mutex_);
                wake_.wait(lock, [this] { return stopping_ || failed_ || !items_.empty(); });
                if (failed_) {
                    failure = failureReason_;
                } else if (items_.empty()) {
                    return; // stopping and drained
                } else {
                    item = std::move(items_.front());
                    items_.pop_front();
                }
            }
            if (!failure.empty()) {
                onFailure_(failure);
                return;
            }
            try {
                write_(item);
            } catch (const std::exception& e) {
                {
                    std::lock_guard lock(mutex_);
                    failed_ = true;
                    items_.clear();
                }
                onFailure_(e.what());
                return;
            }
        }
    }

    std::function<void(const Item&)> write_;
    std::function<void(const std::string&)> onFailure_;
    const std::size_t maxItems_;
    Poco::Thread thread_;
    std::atomic<bool> joined_{false};
    std::mutex mutex_;
    std::condition_variable wake_;
    std::deque<Item> items_;
    bool stopping_ = false;
    bool failed_ = false;
    std::string failureReason_;
};

} // namespace ringdesk::io
