#pragma once
// A manual clock for tests that run the server's threads (dispatcher, event loops): the test
// thread advances it while those threads read it. core::ManualClock is for single-threaded
// core tests; this one keeps its readings in atomics. Both readings advance together.

#include "server/core/clock.h"

#include <atomic>
#include <cstdint>

namespace ringdesk::test_support {

class SharedManualClock final : public core::Clock
{
public:
    core::TimePoint now() const override { return core::TimePoint(core::Duration(nowMs_.load())); }
    std::int64_t epochMs() const override { return epochMs_.load(); }
    /// Moves both readings forward by `d` (any thread).
    void advance(core::Duration d)
    {
        nowMs_ += d.count();
        epochMs_ += d.count();
    }

private:
    std::atomic<std::int64_t> nowMs_{3'600'000};           // one hour after the clock's epoch
    std::atomic<std::int64_t> epochMs_{1'764'000'000'000}; // as core::ManualClock
};

} // namespace ringdesk::test_support
