#pragma once
// The scenarios of ringdesk-bench (docs/performance.md). Each adds its rows to ctx.report and
// throws when the run itself fails.

#include "bench_context.h"

namespace ringdesk::bench {

/// 1. Visitor → operator relay against the epoll relay and Mosquitto; latency at fixed rates,
///    also with ctx.options.visitors idle visitors attached.
void runRelayScenario(Context& ctx);
/// 2. Time from a visitor's first message until every operator has the ring and the
///    ringACKACK, for 100 and ctx.options.operators operators, plain and RSA.
void runFanoutScenario(Context& ctx);
/// 3. Server RSS per connection and idle CPU with idle visitors and operators held.
void runConnectionsScenario(Context& ctx);
/// 4. Simultaneous rings, every operator accepting every ring: double associations and lost
///    rings (must both be 0; sets ctx.correctnessFailure otherwise).
void runRaceScenario(Context& ctx);
/// 5. Encrypted operator packets per second against this machine's RSA-2048 private-op rate.
void runRsaScenario(Context& ctx);
/// 6. Relay throughput with the database on disk against the database on /dev/shm.
void runPersistenceScenario(Context& ctx);

} // namespace ringdesk::bench
