#pragma once
// The server's I/O threads (docs/architecture.md, "Threads"): each EventLoop is one thread
// waiting in epoll on its non-blocking sockets, plus a queue of tasks other threads post to it
// (woken through an eventfd). Connections are spread over a small fixed EventLoopGroup instead
// of holding threads of their own.

#include "server/io/thread_affinity.h"

#include <Poco/Runnable.h>
#include <Poco/Thread.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

namespace ringdesk::io {

class EventLoop final : private Poco::Runnable
{
public:
    using Task = std::function<void()>;
    using TimePoint = std::chrono::steady_clock::time_point;

    /// Something the loop watches: a listening socket or a connection. Every call is made on
    /// the loop thread.
    class Handler
    {
    public:
        virtual ~Handler() = default;
        /// `events` are epoll events (EPOLLIN, EPOLLOUT, EPOLLERR, EPOLLHUP …).
        virtual void onReady(std::uint32_t events) = 0;
        /// About once a second (timeouts).
        virtual void onTick(TimePoint) {}
        /// The loop is stopping: close now.
        virtual void onLoopStop() {}
    };

    /// Creates the epoll instance and the wake-up eventfd; throws Poco::SystemException.
    explicit EventLoop(const std::string& name);
    ~EventLoop() override;

    EventLoop(const EventLoop&) = delete;
    EventLoop& operator=(const EventLoop&) = delete;

    void start();
    /// Runs the tasks already posted, calls onLoopStop() on every handler, joins. Idempotent.
    /// Never on the loop thread (it would join itself).
    void stop();

    /// Runs `task` on the loop thread (any thread; tasks run in posting order). Tasks posted
    /// after stop() are dropped.
    void post(Task task);

    // Loop thread only. The loop keeps `handler` alive while it is watched.
    void watch(int fd, std::uint32_t events, std::shared_ptr<Handler> handler);
    void rewatch(int fd, std::uint32_t events, Handler& handler);
    /// Stops watching; the handler is released once the current round of events is done.
    void unwatch(int fd, Handler& handler);

    /// A read buffer shared by every connection of this loop (loop thread only).
    std::vector<char>& readBuffer()
    {
        assertInLoopThread();
        return readBuffer_;
    }

    /// Aborts in debug builds unless called on this loop's thread (thread_affinity.h); loop-only
    /// functions here and in the connections on this loop start with it.
    void assertInLoopThread(const char* caller = __builtin_FUNCTION()) const noexcept
    {
        affinity_.assertOnOwner(caller);
    }
    /// Aborts in debug builds when called on this loop's thread: for calls that wait for it.
    void assertNotInLoopThread(const char* caller = __builtin_FUNCTION()) const noexcept
    {
        affinity_.assertNotOnOwner(caller);
    }

private:
    void run() override;
    void runTasks();

    const int epollFd_;
    const int wakeFd_;
    Poco::Thread thread_;
    std::atomic<bool> started_{false}; // and not joined yet
    std::atomic<bool> stopping_{false};
    std::mutex mutex_;
    std::vector<Task> tasks_;
    bool accepting_ = true;
    std::unordered_map<Handler*, std::shared_ptr<Handler>> handlers_;
    std::vector<std::shared_ptr<Handler>> released_; // dropped after the current round
    std::vector<char> readBuffer_;
    ThreadAffinity affinity_; // the loop thread, from the start of run()
};

/// A fixed set of loops; connections are assigned round-robin.
class EventLoopGroup
{
public:
    /// `threads` ≥ 1 loops named name-0, name-1, ….
    EventLoopGroup(const std::string& name, int threads);
    ~EventLoopGroup();

    void start();
    void stop();
    EventLoop& next();
    EventLoop& first() { return *loops_.front(); }

private:
    std::vector<std::unique_ptr<EventLoop>> loops_;
    std::atomic<std::size_t> next_{0};
};

} // namespace ringdesk::io
