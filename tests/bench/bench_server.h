#pragma once
// A ringdesk-server for one measurement: a fresh data folder (seeded with the operator accounts
// of an OperatorAccounts folder), free ports, loopback only, readiness from --ready-file.

#include "support/child_process.h"

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace ringdesk::bench {

/// Operator accounts op0 … op(N-1), password kOperatorPassword, created once per run with
/// ringdesk-admin (1 000 PBKDF2 iterations, so logins are fast) in a seed folder whose
/// database every BenchServer copies.
class OperatorAccounts
{
public:
    static constexpr const char* kPassword = "bench-password";

    /// `workDir` is the benchmark's temporary folder.
    OperatorAccounts(std::string adminBin, std::string workDir);

    /// Makes sure accounts op0 … op(count-1) exist, adding the missing ones with one
    /// `ringdesk-admin user import`. Throws std::runtime_error with the tool's log when it fails.
    void ensure(std::size_t count);
    std::size_t count() const noexcept { return count_; }
    const std::string& seedDir() const noexcept { return seedDir_; }

    static std::string username(std::size_t index) { return "op" + std::to_string(index); }

private:
    std::string adminBin_;
    std::string seedDir_;
    std::size_t count_ = 0;
};

class BenchServer
{
public:
    /// Starts `serverBin` on a new folder under `workDir` holding a copy of `accounts`' database,
    /// with `defines` (key=value, passed as -D) after the benchmark's defaults, and waits up to
    /// `timeout` for its ready file. `databaseDir`, when not empty, holds the SQLite file
    /// instead of the data folder (the persistence scenario puts it on /dev/shm).
    /// Throws std::runtime_error with the end of server.log when it exits or is not ready.
    BenchServer(const std::string& serverBin, const std::string& workDir,
                const OperatorAccounts& accounts, const std::vector<std::string>& defines,
                const std::string& databaseDir = {},
                std::chrono::milliseconds timeout = std::chrono::seconds(60));
    /// Stops the server and deletes its folders.
    ~BenchServer();
    BenchServer(const BenchServer&) = delete;
    BenchServer& operator=(const BenchServer&) = delete;

    std::uint16_t operatorPort() const noexcept { return operatorPort_; }
    std::uint16_t httpPort() const noexcept { return httpPort_; }
    pid_t pid() const noexcept { return process_->pid(); }
    /// Throws std::runtime_error (with the log's end) when the server is no longer running.
    void checkRunning();
    /// The server's public key PEM (server_key.pub.pem in its data folder).
    std::string publicKeyPem() const;
    std::string logTail(std::size_t bytes = 3000) const;

private:
    std::string dataDir_;
    std::string databaseDir_;
    std::unique_ptr<test_support::ChildProcess> process_;
    std::uint16_t operatorPort_ = 0;
    std::uint16_t httpPort_ = 0;
};

/// Reads a whole file; empty when it does not exist.
std::string readWholeFile(const std::string& path);

} // namespace ringdesk::bench
