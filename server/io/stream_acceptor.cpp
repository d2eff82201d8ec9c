#include "server/io/stream_acceptor.h"

#include <Poco/Error.h>
#include <Poco/Logger.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/Net/StreamSocketImpl.h>

#include <sys/epoll.h>
#include <sys/socket.h>

#include <cerrno>

#include <future>

namespace ringdesk::io {

class StreamAcceptor::Listener final : public EventLoop::Handler,
                                       public std::enable_shared_from_this<StreamAcceptor::Listener>
{
public:
    Listener(EventLoopGroup& loops, Poco::Net::ServerSocket socket, int maxConnections, std::size_t maxPerAddress,
             Adopt adopt)
        : loops_(loops), loop_(loops.first()), socket_(socket), maxConnections_(maxConnections),
          perAddress_(maxPerAddress), adopt_(std::move(adopt))
    {
    }

    void start()
    {
        socket_.setBlocking(false);
        loop_.post([self = shared_from_this()] {
            self->loop_.assertInLoopThread("StreamAcceptor::Listener::start");
            self->loop_.watch(self->socket_.impl()->sockfd(), EPOLLIN, self);
        });
    }

    /// Waits for the loop, so never on the loop thread.
    void stop()
    {
        loop_.assertNotInLoopThread("StreamAcceptor::Listener::stop");
        auto done = std::make_shared<std::promise<void>>();
        auto finished = done->get_future();
        loop_.post([self = shared_from_this(), done] {
            self->loop_.assertInLoopThread("StreamAcceptor::Listener::stop");
            if (!self->stopped_) {
                self->stopped_ = true;
                self->loop_.unwatch(self->socket_.impl()->sockfd(), *self);
                self->socket_.close();
            }
            done->set_value();
        });
        // A stopped loop drops the task (and the promise): then there is nothing to wait for.
        try {
            finished.get();
        } catch (const std::future_error&) {
        }
    }

    void onReady(std::uint32_t) override
    {
        loop_.assertInLoopThread();
        while (!stopped_ && !paused_) {
            if (live_ >= maxConnections_) {
                paused_ = true;
                loop_.rewatch(socket_.impl()->sockfd(), 0, *this);
                return;
            }
            sockaddr_storage peer{};
            socklen_t peerLength = sizeof(peer);
            const int fd =
                ::accept4(socket_.impl()->sockfd(), reinterpret_cast<sockaddr*>(&peer), &peerLength, SOCK_CLOEXEC);
            if (fd < 0) {
                if (errno == EINTR || errno == ECONNABORTED)
                    continue;
                if (errno != EAGAIN && errno != EWOULDBLOCK)
                    // EMFILE and the like: the peer stays in the backlog until the next event.
                    Poco::Logger::get("ringdesk.server")
                        .warning("accept failed: %s", Poco::Error::getMessage(errno));
                return;
            }
            Poco::Net::StreamSocket accepted(new Poco::Net::StreamSocketImpl(fd));
            std::string address =
                Poco::Net::SocketAddress(reinterpret_cast<const sockaddr*>(&peer), peerLength).host().toString();
            if (!perAddress_.tryAdd(address)) {
                Poco::Logger::get("ringdesk.server")
                    .debug("closed a connection from %s: %z open from that address", address,
                           perAddress_.maxPerAddress());
                accepted.close();
                continue;
            }
            ++live_;
            adopt_(accepted, loops_.next(), [self = shared_from_this(), address = std::move(address)] {
                self->perAddress_.remove(address);
                self->closed();
            });
        }
    }

    std::uint64_t refusedPerAddress() const { return perAddress_.refused(); }

    void onLoopStop() override
    {
        loop_.assertInLoopThread();
        stopped_ = true;
    }

private:
    void closed()
    {
        loop_.post([self = shared_from_this()] {
            self->loop_.assertInLoopThread("StreamAcceptor::Listener::closed");
            --self->live_;
            if (self->paused_ && !self->stopped_) {
                self->paused_ = false;
                self->loop_.rewatch(self->socket_.impl()->sockfd(), EPOLLIN, *self);
                self->onReady(EPOLLIN);
            }
        });
    }

    EventLoopGroup& loops_;
    EventLoop& loop_;
    Poco::Net::ServerSocket socket_;
    const int maxConnections_;
    ConnectionsPerAddress perAddress_;
    Adopt adopt_;
    // Loop thread only:
    int live_ = 0;
    bool paused_ = false;
    bool stopped_ = false;
};

StreamAcceptor::StreamAcceptor(EventLoopGroup& loops, const Poco::Net::ServerSocket& socket, int maxConnections,
                               std::size_t maxPerAddress, Adopt adopt)
    : listener_(std::make_shared<Listener>(loops, socket, maxConnections, maxPerAddress, std::move(adopt)))
{
}

StreamAcceptor::~StreamAcceptor() = default;

void StreamAcceptor::start() { listener_->start(); }

void StreamAcceptor::stop() { listener_->stop(); }

std::uint64_t StreamAcceptor::refusedPerAddress() const { return listener_->refusedPerAddress(); }

} // namespace ringdesk::io
