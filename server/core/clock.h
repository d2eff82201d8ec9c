#pragma once
// The core's only source of time (CONVENTIONS.md, practice 4): timers run on the monotonic
// clock, timestamps shown to people on the wall clock. Tests inject a ManualClock.

#include <chrono>
#include <cstdint>

namespace ringdesk::core {

using TimePoint = std::chrono::steady_clock::time_point;
using Duration = std::chrono::milliseconds;

class Clock
{
public:
    virtual ~Clock() = default;
    /// Monotonic time for timers.
    virtual TimePoint now() const = 0;
    /// Wall-clock time in ms since the Unix epoch, for message timestamps and ring `time`.
    virtual std::int64_t epochMs() const = 0;
};

class SystemClock final : public Clock
{
public:
    TimePoint now() const override { return std::chrono::steady_clock::now(); }
    std::int64_t epochMs() const override
    {
        return std::chrono::duration_cast<std::chrono::milliseconds>(
                   std::chrono::system_clock::now().time_since_epoch())
            .count();
    }
};

/// A clock that moves only when told; both readings advance together.
class ManualClock final : public Clock
{
public:
    TimePoint now() const override { return now_; }
    std::int64_t epochMs() const override { return epochMs_; }
    void advance(Duration d)
    {
        now_ += d;
        epochMs_ += d.count();
    }

private:
    TimePoint now_{std::chrono::hours(1)};
    std::int64_t epochMs_ = 1'764'000'000'000;
};

} // namespace ringdesk::core
