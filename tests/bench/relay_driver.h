#pragma once
// Drives a RelayTransport: closed loop (every pair keeps `window` texts in flight) or open loop
// at a fixed offered rate, and records throughput and one-way latency.

#include "event_loop.h"
#include "relay_transport.h"
#include "stats.h"

#include <chrono>
#include <cstddef>

namespace ringdesk::bench {

struct RelayResult
{
    /// Texts received per second over the measured interval.
    double rate = 0;
    /// Received texts per second in each 100 ms slice of the measured interval.
    Samples sliceRates;
    /// One-way latency of every text received in the measured interval, microseconds.
    Samples latencyUs;
    std::size_t sent = 0;
    std::size_t received = 0;
};

struct RelayRun
{
    /// Not measured: the relay warms up (buffers, caches, thread pools).
    std::chrono::milliseconds warmup{500};
    std::chrono::milliseconds duration{3000};
    /// Closed loop when 0; otherwise texts per second over all pairs, spread evenly in time and
    /// round-robin over the pairs.
    double offeredRate = 0;
    /// Closed loop: texts in flight per pair.
    std::size_t window = 4;
};

/// Runs one measurement on `transport` (attached to `loop` for the run, detached after it).
/// Texts still in flight at the end are waited for up to 2 s, then ignored.
RelayResult runRelay(RelayTransport& transport, EventLoop& loop, const RelayRun& run);

} // namespace ringdesk::bench
