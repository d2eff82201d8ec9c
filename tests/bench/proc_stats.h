#pragma once
// What the kernel reports about another process (proc(5)); Linux only.

#include <sys/types.h>

namespace ringdesk::bench {

/// Resident set size of `pid` in KiB (VmRSS in /proc/PID/status). Throws std::runtime_error.
long residentKiB(pid_t pid);

/// Number of threads of `pid` (Threads in /proc/PID/status). Throws std::runtime_error.
long threadCount(pid_t pid);

/// CPU time `pid` has used, user plus system, in seconds (utime + stime of /proc/PID/stat
/// divided by sysconf(_SC_CLK_TCK)). Throws std::runtime_error.
double cpuSeconds(pid_t pid);

} // namespace ringdesk::bench
