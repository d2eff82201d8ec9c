#pragma once
// The server side of one TLS connection, as a POCO socket implementation, so that the
// threaded front-ends (operator, IMS) read and write through it exactly as through a plain
// StreamSocket.
//
// Why not POCO's SecureStreamSocket: the front-ends read on the connection's thread and write
// on the link's writer thread at the same time, and OpenSSL forbids using one SSL object from
// two threads at once. Here every OpenSSL call on the connection runs under one mutex, on a
// non-blocking descriptor, and the waiting for the network (poll) happens outside the lock;
// so a reader waiting for data never holds up a writer, and the handshake has a deadline.

#include <Poco/Net/Context.h>
#include <Poco/Net/StreamSocket.h>
#include <Poco/Net/StreamSocketImpl.h>
#include <Poco/Timespan.h>

#include <openssl/types.h>

#include <mutex>
#include <string>

namespace ringdesk::tls {

class TlsSocketImpl final : public Poco::Net::StreamSocketImpl
{
public:
    /// Takes `accepted` (a connected TCP socket; it is switched to non-blocking mode) as the
    /// server side of a TLS connection in `context` (makeServerContext()). Sends nothing yet.
    /// Throws Poco::Net::SSLException when OpenSSL cannot create the connection state.
    TlsSocketImpl(const Poco::Net::StreamSocket& accepted, Poco::Net::Context::Ptr context);

    /// Runs the TLS handshake; returns once it completed. Throws Poco::TimeoutException when
    /// it did not complete within `timeout`, Poco::Net::SSLException with OpenSSL's reason
    /// when the peer does not speak TLS, offers nothing acceptable, or closes midway.
    void handshake(Poco::Timespan timeout);
    /// The negotiated protocol and cipher, e.g. "TLSv1.3 TLS_AES_256_GCM_SHA384".
    std::string negotiated();

    /// Plain bytes of the connection (at most `length`), waiting without limit for at least
    /// one. Returns 0 at the end of the stream (close_notify, TCP close, or shutdown() from
    /// another thread). Throws Poco::Net::SSLException on a TLS error. `flags` are ignored.
    int receiveBytes(void* buffer, int length, int flags = 0) override;
    /// Writes all `length` bytes as TLS records, waiting as long as the peer does not read.
    /// Throws Poco::Net::SSLException when the connection failed or was shut down.
    int sendBytes(const void* buffer, int length, int flags = 0) override;
    /// Decrypted bytes ready to be read without waiting.
    int available() override;
    /// Like the plain socket's poll(), also true for reading when decrypted bytes are ready.
    bool poll(const Poco::Timespan& timeout, int mode) override;
    /// Sends close_notify when it can without waiting, then shuts the TCP connection down in
    /// both directions; a thread waiting in receiveBytes() or sendBytes() returns. Never throws.
    void shutdown() override;
    /// shutdown(), then releases the descriptor.
    void close() override;
    bool secure() const override { return true; }

protected:
    ~TlsSocketImpl() override;

private:
    enum class Want { kNothing, kRead, kWrite, kClosed };
    /// Runs `call` on the SSL object under the lock; returns its result (> 0) or what it
    /// waits for. Throws Poco::Net::SSLException on an error.
    template <typename Call>
    int step(Call call, Want& want);
    /// Waits until the descriptor is ready for `want`, at most `timeoutMs` (-1: no limit);
    /// false when the time ran out.
    bool wait(Want want, int timeoutMs);

    Poco::Net::StreamSocket plain_;
    Poco::Net::Context::Ptr context_;
    SSL* ssl_ = nullptr;
    std::mutex mutex_; // serialises every call on ssl_
    bool closed_ = false;
};

} // namespace ringdesk::tls
