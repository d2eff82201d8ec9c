#pragma once
// RelayTransport over the minimal epoll relay (epoll_relay.h): each pair is two TCP sockets.

#include "relay_transport.h"

#include "protocol/line_framer.h"

#include <cstdint>
#include <memory>
#include <vector>

namespace ringdesk::bench {

class LineTransport : public RelayTransport
{
public:
    /// Opens 2 x `pairs` connections to 127.0.0.1:`port` and announces each one's role.
    /// Throws std::system_error.
    LineTransport(std::uint16_t port, std::size_t pairs);
    ~LineTransport() override;

    std::size_t pairs() const override { return senders_.size(); }
    void send(std::size_t pair, const std::string& payload) override;
    void attach(EventLoop& loop,
                std::function<void(std::size_t, std::string_view)> onPayload) override;
    void detach(EventLoop& loop) override;

private:
    std::vector<int> senders_;
    std::vector<int> receivers_;
    std::vector<std::unique_ptr<protocol::LineFramer>> framers_;
    std::string line_;
};

/// A blocking TCP connection to 127.0.0.1:`port` with TCP_NODELAY. Throws std::system_error.
int connectLoopback(std::uint16_t port);
/// Writes all of `data` to blocking socket `fd`. Throws std::system_error.
void sendAll(int fd, const char* data, std::size_t size);

} // namespace ringdesk::bench
