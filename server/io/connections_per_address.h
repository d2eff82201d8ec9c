#pragma once
// Live connections per peer address, capped: the listeners of every port refuse a connection
// from an address that already has `maxPerAddress` open (docs/configuration.md, "Connections
// per address"), so one host cannot take a port's whole connection budget.
//
// Thread-safe (the acceptor, the pooled connection threads and the HTTP threads call it).
// Memory is bounded by the live connections: an address is forgotten when its last one closes.

#include <atomic>
#include <cstdint>
#include <mutex>
#include <string>
#include <unordered_map>

namespace ringdesk::io {

class ConnectionsPerAddress
{
public:
    /// `maxPerAddress` ≥ 1: live connections allowed from one address.
    explicit ConnectionsPerAddress(std::size_t maxPerAddress);

    /// Counts one more connection from `address` (an IP address without the port). Returns
    /// false, counting nothing but the refusal, when the address has maxPerAddress already.
    bool tryAdd(const std::string& address);
    /// A connection counted by tryAdd has closed. An address not counted is ignored.
    void remove(const std::string& address);

    /// Connections refused since the start (for /metrics).
    std::uint64_t refused() const { return refused_.load(std::memory_order_relaxed); }
    std::size_t maxPerAddress() const { return maxPerAddress_; }

private:
    const std::size_t maxPerAddress_;
    std::mutex mutex_;
    std::unordered_map<std::string, std::size_t> live_;
    std::atomic<std::uint64_t> refused_{0};
};

} // namespace ringdesk::io
