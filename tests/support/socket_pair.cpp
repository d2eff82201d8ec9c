#include "support/socket_pair.h"

#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/Net/StreamSocketImpl.h>

#include <fcntl.h>
#include <netinet/in.h>

#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <utility>

namespace ringdesk::test_support {

using Clock = std::chrono::steady_clock;

PeerSocket::PeerSocket(int fd) : fd_(fd) {}

PeerSocket::~PeerSocket() { close(); }

PeerSocket::PeerSocket(PeerSocket&& other) noexcept : fd_(other.fd_), buffer_(std::move(other.buffer_))
{
    other.fd_ = -1;
}

void PeerSocket::close()
{
    if (fd_ >= 0)
        ::close(fd_);
    fd_ = -1;
}

void PeerSocket::send(const std::string& bytes)
{
    std::size_t sent = 0;
    while (sent < bytes.size()) {
        const ssize_t n = ::send(fd_, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            throw std::runtime_error(std::string("cannot send to the server side: ") + std::strerror(errno));
        sent += static_cast<std::size_t>(n);
    }
}

bool PeerSocket::fill(Clock::time_point deadline)
{
    for (;;) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
        if (left.count() <= 0)
            throw std::runtime_error("nothing from the server side within the timeout; so far: " + buffer_);
        pollfd ready{fd_, POLLIN, 0};
        const int polled = ::poll(&ready, 1, static_cast<int>(left.count()));
        if (polled < 0 && errno == EINTR)
            continue;
        if (polled <= 0)
            continue; // the deadline check above decides
        char chunk[16 * 1024];
        const ssize_t n = ::recv(fd_, chunk, sizeof chunk, 0);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        buffer_.append(chunk, static_cast<std::size_t>(n));
        return true;
    }
}

std::optional<std::string> PeerSocket::readLine(std::chrono::milliseconds timeout)
{
    const auto deadline = Clock::now() + timeout;
    for (;;) {
        if (const auto end = buffer_.find('\n'); end != std::string::npos) {
            std::string line = buffer_.substr(0, end);
            buffer_.erase(0, end + 1);
            return line;
        }
        if (!fill(deadline))
            return std::nullopt;
    }
}

std::string PeerSocket::read(std::size_t size, std::chrono::milliseconds timeout)
{
    const auto deadline = Clock::now() + timeout;
    while (buffer_.size() < size && fill(deadline)) {
    }
    std::string out = buffer_.substr(0, size);
    buffer_.erase(0, out.size());
    return out;
}

std::optional<std::string> PeerSocket::readSome(std::chrono::milliseconds timeout)
{
    if (buffer_.empty() && !fill(Clock::now() + timeout))
        return std::nullopt;
    return std::exchange(buffer_, {});
}

std::optional<std::string> PeerSocket::readUntilClosed(std::chrono::milliseconds timeout)
{
    const auto deadline = Clock::now() + timeout;
    try {
        while (fill(deadline)) {
        }
    } catch (const std::runtime_error&) {
        return std::nullopt; // still open at the deadline
    }
    return std::exchange(buffer_, {});
}

SocketPair::SocketPair()
{
    Poco::Net::ServerSocket listener(Poco::Net::SocketAddress("127.0.0.1", 0), 1);
    peerFd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (peerFd_ < 0)
        throw std::runtime_error(std::string("socket: ") + std::strerror(errno));
    const Poco::Net::SocketAddress bound = listener.address();
    if (::connect(peerFd_, bound.addr(), bound.length()) != 0)
        throw std::runtime_error(std::string("connect: ") + std::strerror(errno));
    Poco::Net::StreamSocket accepted = listener.acceptConnection();
    // The server side gets a descriptor of its own; POCO closes the accepted one.
    serverFd_ = ::fcntl(accepted.impl()->sockfd(), F_DUPFD_CLOEXEC, 0);
    if (serverFd_ < 0)
        throw std::runtime_error(std::string("dup: ") + std::strerror(errno));
}

SocketPair::~SocketPair()
{
    if (serverFd_ >= 0)
        ::close(serverFd_);
    if (peerFd_ >= 0)
        ::close(peerFd_);
}

Poco::Net::StreamSocket SocketPair::server()
{
    if (serverFd_ < 0)
        throw std::logic_error("the server side was taken already");
    const int fd = std::exchange(serverFd_, -1);
    return Poco::Net::StreamSocket(new Poco::Net::StreamSocketImpl(fd));
}

PeerSocket SocketPair::peer()
{
    if (peerFd_ < 0)
        throw std::logic_error("the peer side was taken already");
    return PeerSocket(std::exchange(peerFd_, -1));
}

} // namespace ringdesk::test_support
