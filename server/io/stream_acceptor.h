#pragma once
// Accepts TCP connections on an EventLoop (non-blocking accept) and hands each socket to a
// front-end, which runs it on one of the group's loops. At most maxConnections are live at once;
// while that many are, accepting pauses and later peers wait in the listen backlog (as with
// POCO's TCPServer before). A peer address with maxPerAddress live connections already has its
// next one closed at once (ConnectionsPerAddress).

#include "server/io/connections_per_address.h"
#include "server/io/event_loop.h"

#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/StreamSocket.h>

#include <functional>
#include <memory>

namespace ringdesk::io {

class StreamAcceptor
{
public:
    /// Starts serving `socket` on `loop`. `onClosed` must be called exactly once when that
    /// connection has closed (any thread).
    using Adopt =
        std::function<void(Poco::Net::StreamSocket socket, EventLoop& loop, std::function<void()> onClosed)>;

    /// `socket` is bound and listening; accepts run on loops.first(), connections go to
    /// loops.next(). `maxPerAddress` ≥ 1 (std::invalid_argument otherwise).
    StreamAcceptor(EventLoopGroup& loops, const Poco::Net::ServerSocket& socket, int maxConnections,
                   std::size_t maxPerAddress, Adopt adopt);
    ~StreamAcceptor();

    void start();
    /// Stops accepting and closes the listening socket (waits for the loop to do it).
    void stop();

    /// Connections closed at accept because their address had maxPerAddress (for /metrics).
    std::uint64_t refusedPerAddress() const;

private:
    class Listener;
    std::shared_ptr<Listener> listener_;
};

} // namespace ringdesk::io
