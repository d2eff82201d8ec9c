#include "epoll_relay.h"

#include "protocol/limits.h"
#include "protocol/line_framer.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>
#include <system_error>
#include <unordered_map>

namespace ringdesk::bench {
namespace {

[[noreturn]] void fail(const char* what) { throw std::system_error(errno, std::generic_category(), what); }

struct Peer
{
    explicit Peer(int socket) : fd(socket), framer(protocol::limits::kMaxOperatorLineBytes) {}
    int fd;
    protocol::LineFramer framer;
    bool paired = false;
    bool sender = false;
    std::uint64_t id = 0;
};

// Writes all of `data` to the non-blocking `fd`, waiting for room when its buffer is full.
bool writeAll(int fd, const std::string& data)
{
    std::size_t done = 0;
    while (done < data.size()) {
        const ssize_t n = ::send(fd, data.data() + done, data.size() - done, MSG_NOSIGNAL);
        if (n > 0) {
            done += static_cast<std::size_t>(n);
        } else if (n < 0 && (errno == EAGAIN || errno == EINTR)) {
            pollfd wait{fd, POLLOUT, 0};
            ::poll(&wait, 1, 1000);
        } else {
            return false;
        }
    }
    return true;
}

} // namespace

EpollRelay::EpollRelay()
{
    listener_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (listener_ < 0)
        fail("socket");
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::bind(listener_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
        ::listen(listener_, 1024) != 0)
        fail("bind/listen");
    socklen_t length = sizeof address;
    ::getsockname(listener_, reinterpret_cast<sockaddr*>(&address), &length);
    port_ = ntohs(address.sin_port);
    wake_ = ::eventfd(0, EFD_CLOEXEC);
    thread_ = std::thread([this] { run(); });
}

EpollRelay::~EpollRelay()
{
    const std::uint64_t one = 1;
    [[maybe_unused]] const ssize_t n = ::write(wake_, &one, sizeof one);
    thread_.join();
    ::close(wake_);
    ::close(listener_);
}

void EpollRelay::run()
{
    const int epoll = ::epoll_create1(EPOLL_CLOEXEC);
    auto watch = [epoll](int fd) {
        epoll_event event{};
        event.events = EPOLLIN;
        event.data.fd = fd;
        ::epoll_ctl(epoll, EPOLL_CTL_ADD, fd, &event);
    };
    watch(listener_);
    watch(wake_);
    std::unordered_map<int, std::unique_ptr<Peer>> peers;
    std::unordered_map<std::uint64_t, int> receivers; // pair id → receiver fd
    char buffer[65536];
    epoll_event events[256];
    for (;;) {
        const int count = ::epoll_wait(epoll, events, 256, -1);
        for (int i = 0; i < count; ++i) {
            const int fd = events[i].data.fd;
            if (fd == wake_) {
                for (auto& entry : peers)
                    ::close(entry.first);
                ::close(epoll);
                return;
            }
            if (fd == listener_) {
                const int client = ::accept4(listener_, nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
                if (client < 0)
                    continue;
                const int on = 1;
                ::setsockopt(client, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
                peers[client] = std::make_unique<Peer>(client);
                watch(client);
                continue;
            }
            Peer& peer = *peers.at(fd);
            const ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
            if (n <= 0) {
                if (n < 0 && errno == EAGAIN)
                    continue;
                ::epoll_ctl(epoll, EPOLL_CTL_DEL, fd, nullptr);
                ::close(fd);
                peers.erase(fd);
                continue;
            }
            peer.framer.feed(buffer, static_cast<std::size_t>(n));
            std::string out; // every whole line of this read, sent with one write
            while (auto line = peer.framer.next()) {
                if (!peer.paired) {
                    peer.paired = true;
                    peer.id = std::strtoull(line->c_str(), nullptr, 10);
                    peer.sender = line->find('S') != std::string::npos;
                    if (!peer.sender)
                        receivers[peer.id] = fd;
                    continue;
                }
                if (!peer.sender)
                    continue;
                out += *line;
                out += '\n';
            }
            if (out.empty())
                continue;
            const auto receiver = receivers.find(peer.id);
            if (receiver != receivers.end())
                writeAll(receiver->second, out);
        }
    }
}

} // namespace ringdesk::bench
