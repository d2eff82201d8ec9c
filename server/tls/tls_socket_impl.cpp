#include "server/tls/tls_socket_impl.h"

#include <Poco/Net/SSLException.h>
#include <Poco/Exception.h>

#include <openssl/err.h>
#include <openssl/ssl.h>

#include <poll.h>
#include <sys/socket.h>

#include <cerrno>
#include <chrono>
#include <cstring>

namespace ringdesk::tls {
namespace {

/// OpenSSL's reason for the failed call, and an empty per-thread error queue afterwards.
std::string failureReason(int sslError, int systemError)
{
    const unsigned long code = ERR_get_error();
    ERR_clear_error();
    if (code != 0) {
        char text[256];
        ERR_error_string_n(code, text, sizeof text);
        return text;
    }
    if (sslError == SSL_ERROR_SYSCALL)
        return systemError != 0 ? std::string("connection error: ") + std::strerror(systemError)
                                : std::string("connection closed by the peer");
    return "TLS error " + std::to_string(sslError);
}

} // namespace

TlsSocketImpl::TlsSocketImpl(const Poco::Net::StreamSocket& accepted, Poco::Net::Context::Ptr context)
    : plain_(accepted), context_(std::move(context))
{
    plain_.setBlocking(false);
    ssl_ = SSL_new(context_->sslContext());
    if (ssl_ == nullptr)
        throw Poco::Net::SSLException("cannot create a TLS connection", failureReason(SSL_ERROR_SSL, 0));
    // Writes are retried with the same bytes but possibly from a moved std::string buffer.
    SSL_set_mode(ssl_, SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER);
    if (SSL_set_fd(ssl_, static_cast<int>(plain_.impl()->sockfd())) != 1) {
        SSL_free(ssl_);
        throw Poco::Net::SSLException("cannot attach TLS to the socket", failureReason(SSL_ERROR_SSL, 0));
    }
    SSL_set_accept_state(ssl_);
    reset(plain_.impl()->sockfd()); // shared: plain_ owns the descriptor and closes it
}

TlsSocketImpl::~TlsSocketImpl()
{
    reset(); // the descriptor is plain_'s; SocketImpl's destructor must not close it
    SSL_free(ssl_);
}

template <typename Call>
int TlsSocketImpl::step(Call call, Want& want)
{
    std::lock_guard lock(mutex_);
    if (closed_) {
        want = Want::kClosed;
        return 0;
    }
    ERR_clear_error();
    errno = 0;
    const int result = call(ssl_);
    const int systemError = errno;
    if (result > 0) {
        want = Want::kNothing;
        return result;
    }
    const int error = SSL_get_error(ssl_, result);
    switch (error) {
    case SSL_ERROR_WANT_READ:
        want = Want::kRead;
        return 0;
    case SSL_ERROR_WANT_WRITE:
        want = Want::kWrite;
        return 0;
    case SSL_ERROR_ZERO_RETURN:
        want = Want::kClosed;
        return 0;
    default:
        throw Poco::Net::SSLException(failureReason(error, systemError));
    }
}

bool TlsSocketImpl::wait(Want want, int timeoutMs)
{
    pollfd entry{static_cast<int>(sockfd()), static_cast<short>(want == Want::kWrite ? POLLOUT : POLLIN), 0};
    for (;;) {
        const int ready = ::poll(&entry, 1, timeoutMs);
        if (ready >= 0)
            return ready > 0; // POLLHUP/POLLERR too: the next OpenSSL call reports them
        if (errno != EINTR)
            throw Poco::IOException(std::string("poll failed: ") + std::strerror(errno));
    }
}

void TlsSocketImpl::handshake(Poco::Timespan timeout)
{
    using Clock = std::chrono::steady_clock;
    const Clock::time_point deadline = Clock::now() + std::chrono::microseconds(timeout.totalMicroseconds());
    for (;;) {
        Want want = Want::kNothing;
        if (step([](SSL* ssl) { return SSL_do_handshake(ssl); }, want) > 0)
            return;
        if (want == Want::kClosed)
            throw Poco::Net::SSLException("connection closed during the TLS handshake");
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
        if (left.count() <= 0 || !wait(want, static_cast<int>(left.count())))
            throw Poco::TimeoutException("TLS handshake not completed within " +
                                         std::to_string(timeout.totalMilliseconds()) + " ms");
    }
}

std::string TlsSocketImpl::negotiated()
{
    std::lock_guard lock(mutex_);
    return std::string(SSL_get_version(ssl_)) + " " + SSL_get_cipher_name(ssl_);
}

int TlsSocketImpl::receiveBytes(void* buffer, int length, int /*flags*/)
{
    for (;;) {
        Want want = Want::kNothing;
        const int received = step([&](SSL* ssl) { return SSL_read(ssl, buffer, length); }, want);
        if (received > 0)
            return received;
        if (want == Want::kClosed)
            return 0;
        wait(want, -1);
    }
}

int TlsSocketImpl::sendBytes(const void* buffer, int length, int /*flags*/)
{
    if (length <= 0)
        return 0;
    for (;;) {
        Want want = Want::kNothing;
        const int sent = step([&](SSL* ssl) { return SSL_write(ssl, buffer, length); }, want);
        if (sent > 0)
            return sent; // all of it: partial writes are off
        if (want == Want::kClosed)
            throw Poco::Net::SSLException("TLS connection closed while sending");
        wait(want, -1);
    }
}

int TlsSocketImpl::available()
{
    std::lock_guard lock(mutex_);
    return closed_ ? 0 : SSL_pending(ssl_);
}

bool TlsSocketImpl::poll(const Poco::Timespan& timeout, int mode)
{
    if ((mode & SELECT_READ) != 0 && available() > 0)
        return true;
    return Poco::Net::StreamSocketImpl::poll(timeout, mode);
}

void TlsSocketImpl::shutdown()
{
    {
        std::lock_guard lock(mutex_);
        if (closed_)
            return;
        closed_ = true;
        // One non-blocking attempt: close_notify is a courtesy, the TCP shutdown below is what
        // ends the connection.
        ERR_clear_error();
        if (SSL_is_init_finished(ssl_))
            (void)SSL_shutdown(ssl_);
        ERR_clear_error();
    }
    ::shutdown(static_cast<int>(sockfd()), SHUT_RDWR);
}

void TlsSocketImpl::close()
{
    shutdown();
    reset();
    try {
        plain_.close();
    } catch (const Poco::Exception&) {
        // Closing a reset connection can fail; the descriptor is released anyway.
    }
}

} // namespace ringdesk::tls
