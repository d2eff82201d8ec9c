#pragma once
// Wakes a thread that waits in Poco::Net::Socket::select(): any thread rings, the waiting
// thread includes socket() in its read list. A portable self-pipe made of a UDP socket bound to
// the loopback interface, so the session thread can wait on the server connection and on new
// commands at once, without polling.

#include <Poco/Net/DatagramSocket.h>

#include <chrono>

namespace ringdesk::operator_client {

class WakeupSocket
{
public:
    /// Binds a UDP socket on 127.0.0.1 (any free port) and connects a sender to it.
    /// Throws Poco::Net::NetException when the loopback interface is unusable.
    WakeupSocket();

    /// Makes socket() readable. Any thread; never blocks, never throws.
    void ring() noexcept;

    /// Consumes every pending ring, so that socket() is not readable until the next ring().
    /// Call from the waiting thread after select() returned.
    void drain();

    /// Waits until ring() was called (returns true, after drain()) or `timeout` passed (false).
    bool wait(std::chrono::milliseconds timeout);

    /// The socket to put into select()'s read list.
    const Poco::Net::DatagramSocket& socket() const noexcept { return receiver_; }

private:
    Poco::Net::DatagramSocket receiver_;
    Poco::Net::DatagramSocket sender_;
};

} // namespace ringdesk::operator_client
