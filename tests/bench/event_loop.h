#pragma once
// One-threaded readiness loop (epoll, level-triggered) that drives every client socket of a
// scenario. All clients live on the thread that calls runUntil(), so none of them needs a lock
// and the benchmark's own cost stays on one core.

#include <chrono>
#include <functional>
#include <memory>
#include <unordered_map>

namespace ringdesk::bench {

using Clock = std::chrono::steady_clock;

class EventLoop
{
public:
    EventLoop();
    ~EventLoop();
    EventLoop(const EventLoop&) = delete;
    EventLoop& operator=(const EventLoop&) = delete;

    /// Calls `onReadable` whenever `fd` has bytes (or EOF) to read. One handler per fd; the
    /// handler must read at least once or it is called again at once. Throws std::system_error.
    void add(int fd, std::function<void()> onReadable);
    /// Forgets `fd` (also safe from inside a handler). Unknown fds are ignored.
    void remove(int fd) noexcept;

    /// Dispatches events until `done()` is true (checked after every batch) or `deadline`
    /// passes; returns done(). `nextWake`, when given, is called before every wait and returns
    /// the latest time the loop should wake up (for timed sends). Exceptions from handlers
    /// propagate.
    bool runUntil(const std::function<bool()>& done, Clock::time_point deadline,
                  const std::function<Clock::time_point()>& nextWake = {});

    /// When epoll_wait last returned: every fd of the batch being dispatched was readable then.
    Clock::time_point batchTime() const noexcept { return batchTime_; }

private:
    int epoll_ = -1;
    std::unordered_map<int, std::shared_ptr<std::function<void()>>> handlers_;
    Clock::time_point batchTime_{};
};

} // namespace ringdesk::bench
