#pragma once
// A program a test or the benchmark starts (ringdesk-server, ringdesk-admin, mosquitto), with
// its output appended to a log file. POSIX only. The one child-process class of the tests:
// ServerProcess (server_process.h) and the benchmark's BenchServer both run on it.

#include <sys/types.h>

#include <chrono>
#include <string>
#include <vector>

namespace ringdesk::test_support {

class ChildProcess
{
public:
    /// Starts `program` with `args` (argv[1] …); standard output and error are appended to
    /// `logPath`. Throws std::runtime_error when it cannot be started.
    ChildProcess(const std::string& program, const std::vector<std::string>& args, const std::string& logPath);
    /// Stops the process (stop()) if it still runs.
    ~ChildProcess();
    ChildProcess(const ChildProcess&) = delete;
    ChildProcess& operator=(const ChildProcess&) = delete;

    pid_t pid() const noexcept { return pid_; }
    /// True while the process has not ended (reaps it when it has).
    bool running();
    /// Waits for the process to end and returns its exit code (128 + signal when killed).
    int wait();
    /// SIGTERM, then SIGKILL after `grace`; returns the exit code. No-op (returns the recorded
    /// code) when it has ended.
    int stop(std::chrono::milliseconds grace = std::chrono::seconds(20)) noexcept;

private:
    pid_t pid_ = -1;
    int exitCode_ = -1;
};

/// Runs `program` to completion and returns its exit code; output goes to `logPath`.
int runToCompletion(const std::string& program, const std::vector<std::string>& args, const std::string& logPath);

} // namespace ringdesk::test_support
