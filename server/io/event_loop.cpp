#include "server/io/event_loop.h"

#include <Poco/Exception.h>
#include <Poco/Logger.h>

#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <array>
#include <cerrno>

namespace ringdesk::io {
namespace {

constexpr std::size_t kReadBufferBytes = 64 * 1024;
constexpr auto kTickInterval = std::chrono::seconds(1);

int checked(int result, const char* what)
{
    if (result < 0)
        throw Poco::SystemException(std::string(what) + " failed", errno);
    return result;
}

void runLogged(const EventLoop::Task& task) noexcept
{
    try {
        task();
    } catch (const Poco::Exception& e) {
        Poco::Logger::get("ringdesk.server").error("event loop task failed: %s", e.displayText());
    } catch (const std::exception& e) {
        Poco::Logger::get("ringdesk.server").error("event loop task failed: %s", std::string(e.what()));
    }
}

} // namespace

EventLoop::EventLoop(const std::string& name)
    : epollFd_(checked(::epoll_create1(EPOLL_CLOEXEC), "epoll_create1")),
      wakeFd_(checked(::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC), "eventfd")), thread_(name),
      readBuffer_(kReadBufferBytes)
{
    epoll_event event{};
    event.events = EPOLLIN;
    event.data.ptr = nullptr; // the wake-up fd
    checked(::epoll_ctl(epollFd_, EPOLL_CTL_ADD, wakeFd_, &event), "epoll_ctl");
}

EventLoop::~EventLoop()
{
    stop();
    ::close(wakeFd_);
    ::close(epollFd_);
}

void EventLoop::start()
{
    thread_.start(*this);
    started_ = true;
}

void EventLoop::stop()
{
    assertNotInLoopThread();
    stopping_ = true;
    const std::uint64_t one = 1;
    [[maybe_unused]] const auto ignored = ::write(wakeFd_, &one, sizeof one);
    // Joined whenever it was started, not when isRunning(): that turns false just before the
    // thread's last steps, and a caller that skipped the join could free what the thread still
    // uses (ThreadSanitizer found it).
    if (started_.exchange(false))
        thread_.join();
}

void EventLoop::post(Task task)
{
    bool wake = false;
    {
        std::lock_guard lock(mutex_);
        if (!accepting_)
            return;
        wake = tasks_.empty();
        tasks_.push_back(std::move(task));
    }
    if (wake) {
        const std::uint64_t one = 1;
        [[maybe_unused]] const auto ignored = ::write(wakeFd_, &one, sizeof one);
    }
}

void EventLoop::watch(int fd, std::uint32_t events, std::shared_ptr<Handler> handler)
{
    assertInLoopThread();
    epoll_event event{};
    event.events = events;
    event.data.ptr = handler.get();
    checked(::epoll_ctl(epollFd_, EPOLL_CTL_ADD, fd, &event), "epoll_ctl add");
    handlers_.emplace(handler.get(), std::move(handler));
}

void EventLoop::rewatch(int fd, std::uint32_t events, Handler& handler)
{
    assertInLoopThread();
    epoll_event event{};
    event.events = events;
    event.data.ptr = &handler;
    checked(::epoll_ctl(epollFd_, EPOLL_CTL_MOD, fd, &event), "epoll_ctl mod");
}

void EventLoop::unwatch(int fd, Handler& handler)
{
    assertInLoopThread();
    ::epoll_ctl(epollFd_, EPOLL_CTL_DEL, fd, nullptr);
    const auto found = handlers_.find(&handler);
    if (found != handlers_.end()) {
        released_.push_back(std::move(found->second));
        handlers_.erase(found);
    }
}

void EventLoop::runTasks()
{
    assertInLoopThread();
    std::vector<Task> tasks;
    {
        std::lock_guard lock(mutex_);
        tasks.swap(tasks_);
    }
    for (const Task& task : tasks)
        runLogged(task);
}

void EventLoop::run()
{
    affinity_.bindToCurrentThread();
    std::array<epoll_event, 256> events{};
    auto nextTick = std::chrono::steady_clock::now() + kTickInterval;
    while (!stopping_) {
        const auto now = std::chrono::steady_clock::now();
        const auto wait = std::chrono::duration_cast<std::chrono::milliseconds>(nextTick - now).count();
        const int ready = ::epoll_wait(epollFd_, events.data(), static_cast<int>(events.size()),
                                       static_cast<int>(std::max<std::int64_t>(0, wait)));
        for (int i = 0; i < ready; ++i) {
            auto* handler = static_cast<Handler*>(events[i].data.ptr);
            if (handler == nullptr) {
                std::uint64_t count = 0;
                [[maybe_unused]] const auto ignored = ::read(wakeFd_, &count, sizeof count);
                continue;
            }
            if (handlers_.count(handler) == 0)
                continue; // released earlier in this round
            try {
                handler->onReady(events[i].events);
            } catch (const std::exception& e) {
                Poco::Logger::get("ringdesk.server").error("event handler failed: %s", std::string(e.what()));
            }
        }
        runTasks();
        if (std::chrono::steady_clock::now() >= nextTick) {
            const auto tickTime = std::chrono::steady_clock::now();
            std::vector<Handler*> all;
            all.reserve(handlers_.size());
            for (auto& [raw, owned] : handlers_)
                all.push_back(raw);
            for (Handler* handler : all)
                if (handlers_.count(handler) != 0)
                    handler->onTick(tickTime);
            nextTick = tickTime + kTickInterval;
        }
        released_.clear();
    }
    {
        std::lock_guard lock(mutex_);
        accepting_ = false;
    }
    runTasks();
    std::vector<std::shared_ptr<Handler>> all;
    for (auto& [raw, owned] : handlers_)
        all.push_back(owned);
    for (auto& handler : all)
        handler->onLoopStop();
    handlers_.clear();
    released_.clear();
}

EventLoopGroup::EventLoopGroup(const std::string& name, int threads)
{
    for (int i = 0; i < std::max(1, threads); ++i)
        loops_.push_back(std::make_unique<EventLoop>(name + "-" + std::to_string(i)));
}

EventLoopGroup::~EventLoopGroup() { stop(); }

void EventLoopGroup::start()
{
    for (auto& loop : loops_)
        loop->start();
}

void EventLoopGroup::stop()
{
    for (auto& loop : loops_)
        loop->stop();
}

EventLoop& EventLoopGroup::next() { return *loops_[next_++ % loops_.size()]; }

} // namespace ringdesk::io
