#pragma once
// Mosquitto (Debian's `mosquitto` package) as a baseline: started on a free loopback port with
// a two-line configuration, stopped with the object.

#include "support/child_process.h"

#include <cstdint>
#include <memory>
#include <string>

namespace ringdesk::bench {

class MosquittoBroker
{
public:
    /// Starts `mosquittoBin` with its files under `workDir` and waits until it accepts
    /// connections. Throws std::runtime_error with its log when it does not.
    MosquittoBroker(const std::string& mosquittoBin, const std::string& workDir);
    ~MosquittoBroker();

    std::uint16_t port() const noexcept { return port_; }
    pid_t pid() const noexcept { return process_->pid(); }

    /// The path of `mosquitto` on PATH or in /usr/sbin; empty when it is not installed.
    static std::string find();

private:
    std::unique_ptr<test_support::ChildProcess> process_;
    std::uint16_t port_ = 0;
};

/// A TCP port on 127.0.0.1 that was free a moment ago (bind to 0, read it, close).
std::uint16_t freeLoopbackPort();

} // namespace ringdesk::bench
