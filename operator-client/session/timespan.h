#pragma once
// std::chrono durations as the Poco::Timespan that POCO's socket calls take.

#include <Poco/Timespan.h>

#include <chrono>

namespace ringdesk::operator_client {

/// `d` in POCO's microsecond Timespan; a negative duration (a deadline already passed)
/// becomes 0, which POCO's poll and select treat as "do not wait".
template <class Rep, class Period>
Poco::Timespan toTimespan(std::chrono::duration<Rep, Period> d)
{
    const auto us = std::chrono::duration_cast<std::chrono::microseconds>(d).count();
    return Poco::Timespan(static_cast<Poco::Timespan::TimeDiff>(us < 0 ? 0 : us));
}

} // namespace ringdesk::operator_client
