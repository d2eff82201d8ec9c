#pragma once
// The physical-limit baseline: a minimal relay on one thread with epoll that forwards
// '\n'-framed lines (protocol::LineFramer, the operator protocol's framing) between paired
// sockets. It stores nothing and parses nothing beyond the framing.
//
// Pairing: a client's first line is "<pair id> S" (sender) or "<pair id> R" (receiver); every
// later line from a sender goes to the receiver of the same id.

#include <atomic>
#include <cstdint>
#include <thread>

namespace ringdesk::bench {

class EpollRelay
{
public:
    /// Listens on 127.0.0.1 on a free port and starts the relay thread. Throws std::system_error.
    EpollRelay();
    /// Stops the thread and closes every socket.
    ~EpollRelay();
    EpollRelay(const EpollRelay&) = delete;
    EpollRelay& operator=(const EpollRelay&) = delete;

    std::uint16_t port() const noexcept { return port_; }

private:
    void run();

    int listener_ = -1;
    int wake_ = -1; // eventfd that ends run()
    std::uint16_t port_ = 0;
    std::thread thread_;
};

} // namespace ringdesk::bench
