#include "server/io/stream_connection.h"

#include <Poco/Error.h>
#include <Poco/Exception.h>

#include <sys/epoll.h>
#include <sys/socket.h>

#include <cerrno>

namespace ringdesk::io {
namespace {

constexpr int kReadsPerWakeup = 4; // then other connections of the loop get their turn
constexpr auto kCloseLinger = std::chrono::seconds(5);

} // namespace

StreamConnection::StreamConnection(EventLoop& loop, Poco::Net::StreamSocket socket, std::size_t maxQueued,
                                   std::chrono::milliseconds idleTimeout)
    : loop_(loop), socket_(socket), fd_(socket_.impl()->sockfd()), maxQueued_(maxQueued),
      idleTimeout_(idleTimeout), lastInput_(std::chrono::steady_clock::now())
{
    // Non-blocking before anyone can queue output for it (the registry may deliver before the
    // loop watches the socket).
    socket_.setBlocking(false);
    socket_.setNoDelay(true);
}

StreamConnection::~StreamConnection() = default;

void StreamConnection::open(std::string pending)
{
    loop_.post([self = shared_from_this(), pending = std::move(pending)] {
        self->loop_.assertInLoopThread("StreamConnection::open");
        if (self->state_ == State::kClosed)
            return;
        // Output may have been queued (and partly written) before this task ran.
        self->writeInterest_ = !self->output_.empty();
        self->loop_.watch(self->fd_, (self->reading_ ? EPOLLIN : 0u) | (self->writeInterest_ ? EPOLLOUT : 0u),
                          self);
        self->watched_ = true;
        if (!pending.empty())
            self->onBytes(pending.data(), pending.size());
        self->writePending();
    });
}

void StreamConnection::onReady(std::uint32_t events)
{
    loop_.assertInLoopThread();
    if (state_ == State::kClosed)
        return;
    if ((events & EPOLLOUT) != 0)
        writePending();
    if (state_ != State::kClosed && (events & (EPOLLIN | EPOLLHUP | EPOLLERR)) != 0) {
        if (reading_)
            readAvailable();
        else if ((events & (EPOLLHUP | EPOLLERR)) != 0)
            closeNow("connection reset");
    }
    if (state_ != State::kClosed)
        writePending();
}

void StreamConnection::readAvailable()
{
    loop_.assertInLoopThread();
    std::vector<char>& buffer = loop_.readBuffer();
    for (int i = 0; i < kReadsPerWakeup && reading_ && state_ == State::kOpen; ++i) {
        const ssize_t received = ::recv(fd_, buffer.data(), buffer.size(), 0);
        if (received > 0) {
            lastInput_ = std::chrono::steady_clock::now();
            onBytes(buffer.data(), static_cast<std::size_t>(received));
            if (static_cast<std::size_t>(received) < buffer.size())
                return;
            continue;
        }
        if (received == 0) {
            closeNow("closed by peer");
            return;
        }
        if (errno == EAGAIN || errno == EWOULDBLOCK)
            return;
        if (errno == EINTR)
            continue;
        closeNow(Poco::Error::getMessage(errno));
        return;
    }
}

std::size_t StreamConnection::sendSome(const iovec* buffers, int count)
{
    loop_.assertInLoopThread();
    msghdr message{};
    message.msg_iov = const_cast<iovec*>(buffers);
    message.msg_iovlen = static_cast<std::size_t>(count);
    for (;;) {
        const ssize_t sent = ::sendmsg(fd_, &message, MSG_NOSIGNAL);
        if (sent >= 0)
            return static_cast<std::size_t>(sent);
        if (errno == EINTR)
            continue;
        if (errno == EAGAIN || errno == EWOULDBLOCK)
            return 0;
        throw Poco::IOException("send failed", Poco::Error::getMessage(errno));
    }
}

void StreamConnection::writePending()
{
    loop_.assertInLoopThread();
    if (state_ == State::kClosed)
        return;
    try {
        output_.writeTo([this](const iovec* buffers, int count) { return sendSome(buffers, count); });
    } catch (const Poco::Exception& e) {
        closeNow(e.displayText());
        return;
    }
    outputChunks_ = output_.chunks();
    if (state_ == State::kClosing && output_.empty()) {
        closeNow(closeReason_);
        return;
    }
    updateInterest();
}

void StreamConnection::updateInterest()
{
    loop_.assertInLoopThread();
    if (!watched_)
        return; // open() registers the right interest
    const bool wantWrite = !output_.empty();
    if (wantWrite == writeInterest_)
        return;
    writeInterest_ = wantWrite;
    loop_.rewatch(fd_, (reading_ ? EPOLLIN : 0u) | (wantWrite ? EPOLLOUT : 0u), *this);
}

void StreamConnection::pauseReading()
{
    loop_.assertInLoopThread();
    if (!reading_ || state_ == State::kClosed)
        return;
    reading_ = false;
    if (watched_)
        loop_.rewatch(fd_, writeInterest_ ? EPOLLOUT : 0u, *this);
}

void StreamConnection::resumeReading()
{
    loop_.assertInLoopThread();
    if (reading_ || state_ != State::kOpen)
        return;
    reading_ = true;
    loop_.rewatch(fd_, EPOLLIN | (writeInterest_ ? EPOLLOUT : 0u), *this);
    readAvailable(); // level-triggered: bytes that came meanwhile are reported again anyway
    writePending();
}

void StreamConnection::requestFlush()
{
    if (flushRequested_.exchange(true))
        return;
    loop_.post([self = shared_from_this()] {
        self->loop_.assertInLoopThread("StreamConnection::requestFlush");
        self->flushRequested_ = false;
        if (self->state_ == State::kClosed)
            return;
        self->flushSendQueue();
        self->writePending();
    });
}

void StreamConnection::closeFromOutside(const std::string& reason)
{
    loop_.post([self = shared_from_this(), reason] { self->closeNow(reason); });
}

void StreamConnection::queueBytes(std::string bytes)
{
    loop_.assertInLoopThread();
    if (state_ == State::kClosed)
        return;
    output_.append(std::move(bytes));
    outputChunks_ = output_.chunks();
    if (output_.chunks() > maxQueued_)
        closeNow("send queue overflow");
}

void StreamConnection::closeAfterWrite(const std::string& reason)
{
    loop_.assertInLoopThread();
    if (state_ != State::kOpen)
        return;
    state_ = State::kClosing;
    closeReason_ = reason;
    closingSince_ = std::chrono::steady_clock::now();
    pauseReading();
    flushSendQueue(); // what the subclass queued before the close goes out first
    writePending();
}

void StreamConnection::closeNow(const std::string& reason)
{
    loop_.assertInLoopThread();
    if (state_ == State::kClosed)
        return;
    state_ = State::kClosed;
    if (watched_)
        loop_.unwatch(fd_, *this);
    try {
        socket_.shutdown();
    } catch (const Poco::Exception&) {
        // The peer is gone already.
    }
    socket_.close();
    onClosed(reason);
}

void StreamConnection::onTick(EventLoop::TimePoint now)
{
    loop_.assertInLoopThread();
    if (state_ == State::kClosing && now - closingSince_ > kCloseLinger)
        closeNow(closeReason_);
    else if (state_ == State::kOpen && idleTimeout_.count() > 0 && now - lastInput_ > idleTimeout_)
        onIdleTimeout();
}

void StreamConnection::onLoopStop()
{
    loop_.assertInLoopThread();
    if (state_ == State::kClosed)
        return;
    flushSendQueue();
    writePending();
    closeNow(state_ == State::kClosing ? closeReason_ : "server stopping");
}

} // namespace ringdesk::io
