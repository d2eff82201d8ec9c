#pragma once
// What every scenario gets: the command line, the report it adds rows to, and the operator
// accounts shared by all servers of the run.

#include "bench_server.h"
#include "report.h"

#include <chrono>
#include <cstddef>
#include <string>
#include <vector>

namespace ringdesk::bench {

struct Options
{
    std::string serverBin;
    std::string adminBin;
    std::string scenario = "all";
    /// Seconds-long run of every scenario at tiny scale (CI); figures are not meaningful.
    bool smoke = false;
    /// Visitor/operator pairs of the relay, RSA and persistence scenarios.
    std::size_t pairs = 10;
    /// Operators of the fan-out (largest setting) and connections scenarios.
    std::size_t operators = 1000;
    /// Idle visitors of the connections scenario and of the relay's loaded latency run.
    std::size_t visitors = 10000;
    /// Measured seconds per relay setting.
    double duration = 5;
};

struct Context
{
    Options options;
    std::string workDir;
    Report report;
    OperatorAccounts accounts;
    /// Set by a scenario that found a correctness bug (double association, lost ring).
    bool correctnessFailure = false;

    std::chrono::milliseconds measure() const
    {
        return std::chrono::milliseconds(static_cast<long>(options.duration * 1000));
    }
    std::chrono::milliseconds warmup() const
    {
        return std::chrono::milliseconds(options.smoke ? 200 : 1000);
    }
};

/// -D settings every benchmark server gets: connection caps above the benchmark's counts and,
/// unless `probes`, presence probes pushed out of the measurement (the scenario's setup may
/// leave an operator unread for seconds).
std::vector<std::string> baseDefines(bool probes = false);

} // namespace ringdesk::bench
