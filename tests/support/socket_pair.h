#pragma once
// Two connected stream sockets in one process: the server's side is handed to a front-end
// connection as a Poco::Net::StreamSocket, the test keeps the peer side and speaks the wire
// protocol on it, with deadlines (never a fixed sleep). The pair is loopback TCP, made with a
// listener that lives only for the connect: socketpair(2) would do for the bytes, but the
// front-ends ask for their peer's address (logs, visitor bans) and POCO cannot represent the
// unnamed address of an AF_UNIX socketpair.

#include <Poco/Net/StreamSocket.h>

#include <chrono>
#include <cstddef>
#include <optional>
#include <string>

namespace ringdesk::test_support {

/// The test's end of a socket pair: blocking writes, reads with deadlines.
class PeerSocket
{
public:
    explicit PeerSocket(int fd);
    ~PeerSocket();
    PeerSocket(PeerSocket&& other) noexcept;
    PeerSocket(const PeerSocket&) = delete;
    PeerSocket& operator=(const PeerSocket&) = delete;
    PeerSocket& operator=(PeerSocket&&) = delete;

    /// Writes every byte. Throws std::runtime_error when the other side is gone.
    void send(const std::string& bytes);
    /// The next '\n'-terminated line without its '\n'; nullopt when the other side closed
    /// first. Throws std::runtime_error when none arrives within `timeout`.
    std::optional<std::string> readLine(std::chrono::milliseconds timeout = std::chrono::seconds(10));
    /// Exactly `size` bytes (fewer only when the other side closed). Throws on timeout.
    std::string read(std::size_t size, std::chrono::milliseconds timeout = std::chrono::seconds(10));
    /// What has arrived (at least one byte, waiting up to `timeout` for it); nullopt when the
    /// other side closed first. Throws std::runtime_error on timeout.
    std::optional<std::string> readSome(std::chrono::milliseconds timeout = std::chrono::seconds(10));
    /// Everything received until the other side closed it, within `timeout`; nullopt when it is
    /// still open then. What arrived before the close is kept in the result.
    std::optional<std::string> readUntilClosed(std::chrono::milliseconds timeout = std::chrono::seconds(10));
    /// Closes this end (the server sees the peer go).
    void close();

private:
    /// Reads more into buffer_; false when the other side closed. Throws on timeout.
    bool fill(std::chrono::steady_clock::time_point deadline);

    int fd_ = -1;
    std::string buffer_;
};

/// A connected pair; server() may be taken once, peer() once.
class SocketPair
{
public:
    SocketPair();
    ~SocketPair();
    SocketPair(const SocketPair&) = delete;
    SocketPair& operator=(const SocketPair&) = delete;

    /// The server's end as a POCO socket (it owns the descriptor from now on).
    Poco::Net::StreamSocket server();
    /// The test's end.
    PeerSocket peer();

private:
    int serverFd_ = -1;
    int peerFd_ = -1;
};

} // namespace ringdesk::test_support
