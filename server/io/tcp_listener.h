#pragma once
// The listener shared by the TCP front-ends (operator NL chat, IMS XML): a POCO TCPServer with
// its own thread pool, handing each accepted socket to a connection object that runs on one
// pooled thread (256 KiB stack) for the connection's life. A peer address with maxPerAddress
// live connections already has its next one closed at once (ConnectionsPerAddress).

#include "server/io/connections_per_address.h"

#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/TCPServer.h>
#include <Poco/Net/TCPServerConnection.h>
#include <Poco/ThreadPool.h>

#include <functional>
#include <memory>
#include <string>

namespace ringdesk::io {

class TcpListener
{
public:
    /// Creates the front-end's connection object for an accepted socket (called on the
    /// acceptor thread; must not block).
    using ConnectionMaker = std::function<Poco::Net::TCPServerConnection*(const Poco::Net::StreamSocket&)>;

    /// Listens on `socket` (already bound and listening); at most `maxConnections` (≥ 1) are
    /// served at once, later ones wait in the accept queue; at most `maxPerAddress` (≥ 1, else
    /// std::invalid_argument) from one peer address. `name` names the threads.
    TcpListener(const std::string& name, const Poco::Net::ServerSocket& socket, int maxConnections,
                std::size_t maxPerAddress, ConnectionMaker makeConnection);
    void start();
    /// Stops accepting; live connections end when their sockets close.
    void stop();

    /// Connections closed at accept because their address had maxPerAddress (for /metrics).
    std::uint64_t refusedPerAddress() const { return perAddress_.refused(); }

private:
    ConnectionsPerAddress perAddress_;
    Poco::ThreadPool threads_;
    std::unique_ptr<Poco::Net::TCPServer> server_;
};

} // namespace ringdesk::io
