#pragma once
// Runs the two baselines of the relay scenario on the same pairs and payloads: the minimal epoll
// relay (this machine's physical limit) and Mosquitto.

#include "bench_context.h"
#include "relay_driver.h"

#include <optional>

namespace ringdesk::bench {

struct BaselineResults
{
    RelayResult epoll;
    /// Empty when Mosquitto is not installed (the row says so).
    std::optional<RelayResult> mosquitto;
};

/// Closed-loop runs of both baselines with `pairs` pairs, then (when `offeredRate` > 0) the
/// epoll relay at that fixed rate, whose latency is returned in `epollAtRate`.
BaselineResults runBaselines(Context& ctx, std::size_t pairs, const RelayRun& closedLoop);
RelayResult runEpollAtRate(Context& ctx, std::size_t pairs, const RelayRun& run);

} // namespace ringdesk::bench
