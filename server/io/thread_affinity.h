#pragma once
// Debug checks of thread affinity, after muduo's EventLoop::assertInLoopThread. An object whose
// state only one thread may touch without locks (an event loop and the connections on it, the
// dispatcher and the core it owns) records that thread when the thread starts; each function
// that relies on it asserts it. A call from another thread aborts at the call, naming the
// function and both threads, instead of becoming a rare race found much later.
//
// Under NDEBUG (the dev, release and package presets) the checks compile to nothing and the
// class is empty; the asan and tsan presets build with them.

#include <Poco/Thread.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <string>
#include <thread>

namespace ringdesk::io {

class ThreadAffinity
{
public:
    /// Makes the calling thread the owner. The owning thread calls it first thing.
    void bindToCurrentThread() noexcept
    {
#ifndef NDEBUG
        owner_.store(std::this_thread::get_id());
#endif
    }

    /// Aborts unless called on the owner thread (debug builds only). `function` names the
    /// caller in the message; the default is the calling function's name.
    void assertOnOwner([[maybe_unused]] const char* function = __builtin_FUNCTION()) const noexcept
    {
#ifndef NDEBUG
        if (owner_.load() != std::this_thread::get_id())
            violated(function, "only on its owning thread");
#endif
    }

    /// The same check for an object without a thread of its own (an WriteBuffer): the first
    /// thread to call becomes the owner.
    void assertOnOwnerOrBind([[maybe_unused]] const char* function = __builtin_FUNCTION()) noexcept
    {
#ifndef NDEBUG
        std::thread::id unbound{};
        owner_.compare_exchange_strong(unbound, std::this_thread::get_id());
        assertOnOwner(function);
#endif
    }

    /// Aborts when called on the owner thread (debug builds only): for calls that wait for the
    /// owner (a join, a blocking query), which would deadlock there.
    void assertNotOnOwner([[maybe_unused]] const char* function = __builtin_FUNCTION()) const noexcept
    {
#ifndef NDEBUG
        if (owner_.load() == std::this_thread::get_id())
            violated(function, "never on its owning thread");
#endif
    }

private:
#ifndef NDEBUG
    [[noreturn]] void violated(const char* function, const char* rule) const noexcept
    {
        std::ostringstream owner;
        owner << owner_.load();
        std::ostringstream current;
        current << std::this_thread::get_id();
        const Poco::Thread* poco = Poco::Thread::current();
        const std::string name = poco != nullptr ? poco->getName() : std::string("main or foreign");
        std::fprintf(stderr, "thread affinity violated: %s may run %s (owner %s), called on %s (%s)\n", function,
                     rule, owner.str().c_str(), current.str().c_str(), name.c_str());
        std::abort();
    }

    std::atomic<std::thread::id> owner_{};
#endif
};

} // namespace ringdesk::io
