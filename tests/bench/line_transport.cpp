#include "line_transport.h"

#include "protocol/limits.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <system_error>

namespace ringdesk::bench {

int connectLoopback(std::uint16_t port)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        throw std::system_error(errno, std::generic_category(), "socket");
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
        const int error = errno;
        ::close(fd);
        throw std::system_error(error, std::generic_category(), "connect to port " + std::to_string(port));
    }
    const int on = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
    return fd;
}

void sendAll(int fd, const char* data, std::size_t size)
{
    std::size_t done = 0;
    while (done < size) {
        const ssize_t n = ::send(fd, data + done, size - done, MSG_NOSIGNAL);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            throw std::system_error(errno, std::generic_category(), "send");
        }
        done += static_cast<std::size_t>(n);
    }
}

LineTransport::LineTransport(std::uint16_t port, std::size_t pairs)
{
    for (std::size_t i = 0; i < pairs; ++i) {
        receivers_.push_back(connectLoopback(port));
        const std::string receiverHello = std::to_string(i) + " R\n";
        sendAll(receivers_.back(), receiverHello.data(), receiverHello.size());
        senders_.push_back(connectLoopback(port));
        const std::string senderHello = std::to_string(i) + " S\n";
        sendAll(senders_.back(), senderHello.data(), senderHello.size());
        framers_.push_back(std::make_unique<protocol::LineFramer>(protocol::limits::kMaxOperatorLineBytes));
    }
}

LineTransport::~LineTransport()
{
    for (const int fd : senders_)
        ::close(fd);
    for (const int fd : receivers_)
        ::close(fd);
}

void LineTransport::send(std::size_t pair, const std::string& payload)
{
    line_ = payload;
    line_ += '\n';
    sendAll(senders_[pair], line_.data(), line_.size());
}

void LineTransport::attach(EventLoop& loop, std::function<void(std::size_t, std::string_view)> onPayload)
{
    auto handler = std::make_shared<std::function<void(std::size_t, std::string_view)>>(std::move(onPayload));
    for (std::size_t i = 0; i < receivers_.size(); ++i) {
        loop.add(receivers_[i], [this, i, handler] {
            char buffer[65536];
            const ssize_t n = ::recv(receivers_[i], buffer, sizeof buffer, MSG_DONTWAIT);
            if (n == 0)
                throw std::runtime_error("the epoll relay closed a connection");
            if (n < 0)
                return;
            framers_[i]->feed(buffer, static_cast<std::size_t>(n));
            while (auto line = framers_[i]->next())
                (*handler)(i, *line);
        });
    }
}

void LineTransport::detach(EventLoop& loop)
{
    for (const int fd : receivers_)
        loop.remove(fd);
}

} // namespace ringdesk::bench
