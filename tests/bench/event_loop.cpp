#include "event_loop.h"

#include <sys/epoll.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <system_error>

namespace ringdesk::bench {

EventLoop::EventLoop() : epoll_(::epoll_create1(EPOLL_CLOEXEC))
{
    if (epoll_ < 0)
        throw std::system_error(errno, std::generic_category(), "epoll_create1");
}

EventLoop::~EventLoop() { ::close(epoll_); }

void EventLoop::add(int fd, std::function<void()> onReadable)
{
    epoll_event event{};
    event.events = EPOLLIN | EPOLLRDHUP;
    event.data.fd = fd;
    if (::epoll_ctl(epoll_, EPOLL_CTL_ADD, fd, &event) != 0)
        throw std::system_error(errno, std::generic_category(), "epoll_ctl(ADD)");
    handlers_[fd] = std::make_shared<std::function<void()>>(std::move(onReadable));
}

void EventLoop::remove(int fd) noexcept
{
    if (handlers_.erase(fd) != 0)
        ::epoll_ctl(epoll_, EPOLL_CTL_DEL, fd, nullptr);
}

bool EventLoop::runUntil(const std::function<bool()>& done, Clock::time_point deadline,
                         const std::function<Clock::time_point()>& nextWake)
{
    constexpr int kMaxEvents = 256;
    epoll_event events[kMaxEvents];
    while (!done()) {
        const Clock::time_point now = Clock::now();
        if (now >= deadline)
            return false;
        Clock::time_point wake = deadline;
        if (nextWake)
            wake = std::min(wake, nextWake());
        const auto wait = std::max(Clock::duration::zero(), wake - now);
        const auto ns = std::chrono::duration_cast<std::chrono::nanoseconds>(wait).count();
        const timespec timeout{static_cast<time_t>(ns / 1000000000), static_cast<long>(ns % 1000000000)};
        const int count = ::epoll_pwait2(epoll_, events, kMaxEvents, &timeout, nullptr);
        if (count < 0) {
            if (errno == EINTR)
                continue;
            throw std::system_error(errno, std::generic_category(), "epoll_pwait2");
        }
        batchTime_ = Clock::now();
        for (int i = 0; i < count; ++i) {
            const auto found = handlers_.find(events[i].data.fd);
            if (found == handlers_.end())
                continue;
            const auto handler = found->second; // keeps it alive if it removes itself
            (*handler)();
        }
    }
    return true;
}

} // namespace ringdesk::bench
