#include "operator-client/session/tls_client.h"

#include "operator-client/session/timespan.h"

#include <Poco/Net/Context.h>
#include <Poco/Net/IPAddress.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/SecureStreamSocket.h>
#include <Poco/Net/SocketAddress.h>

#include <openssl/ssl.h>
#include <openssl/x509_vfy.h>

#include <chrono>
#include <csignal>

namespace ringdesk::operator_client {
namespace {

// The first verification failure of the handshake running on this thread: OpenSSL calls the
// verify callback on the thread that drives the handshake.
thread_local std::string verifyFailure;

int recordVerifyFailure(int ok, X509_STORE_CTX* store)
{
    if (ok == 0 && verifyFailure.empty())
        verifyFailure = X509_verify_cert_error_string(X509_STORE_CTX_get_error(store));
    return ok;
}

Poco::Net::Context::Ptr clientContext(const std::string& host, const TlsOptions& options)
{
    Poco::Net::Context::Params params;
    params.caLocation = options.caFile;
    params.loadDefaultCAs = options.caFile.empty();
    // POCO's own verification hook would ask an SSLManager certificate handler (by default
    // one that prompts on the console); OpenSSL verifies instead, see below.
    params.verificationMode = Poco::Net::Context::VERIFY_NONE;
    Poco::Net::Context::Ptr context;
    try {
        context = new Poco::Net::Context(Poco::Net::Context::TLS_CLIENT_USE, params);
    } catch (const Poco::Exception& e) {
        throw TlsVerificationError("cannot load the trusted certificates " +
                                   (options.caFile.empty() ? std::string("of the system") : options.caFile) +
                                   ": " + e.displayText());
    }
    context->requireMinimumProtocol(Poco::Net::Context::PROTO_TLSV1_2);
    context->enableExtendedCertificateVerification(false);
    SSL_CTX* ssl = context->sslContext();
    SSL_CTX_set_options(ssl, SSL_OP_NO_COMPRESSION | SSL_OP_NO_RENEGOTIATION);
    SSL_CTX_set_verify(ssl, SSL_VERIFY_PEER, recordVerifyFailure);
    // The name check is OpenSSL's, during the handshake: an IP address against the
    // certificate's IP entries, a host name against its DNS names.
    X509_VERIFY_PARAM* check = SSL_CTX_get0_param(ssl);
    Poco::Net::IPAddress address;
    const int named = Poco::Net::IPAddress::tryParse(host, address)
                          ? X509_VERIFY_PARAM_set1_ip_asc(check, host.c_str())
                          : X509_VERIFY_PARAM_set1_host(check, host.c_str(), host.size());
    if (named != 1)
        throw TlsVerificationError("cannot check TLS certificates for the host name '" + host + "'");
    return context;
}

} // namespace

Poco::Net::StreamSocket connectTls(const std::string& host, std::uint16_t port, const TlsOptions& options,
                                   std::chrono::milliseconds timeout)
{
    static const bool sigpipeIgnored = [] { return std::signal(SIGPIPE, SIG_IGN) != SIG_ERR; }();
    (void)sigpipeIgnored;
    const std::string peer = host + ":" + std::to_string(port);
    Poco::Net::SecureStreamSocket socket(clientContext(host, options));
    socket.setPeerHostName(host); // SNI
    verifyFailure.clear();
    using Clock = std::chrono::steady_clock;
    const Clock::time_point deadline = Clock::now() + timeout;
    try {
        // POCO's connect() gives up on a silent server's handshake after the timeout without
        // an error; so the TCP connection first, then the handshake until the deadline.
        socket.setLazyHandshake(true);
        socket.connect(Poco::Net::SocketAddress(host, port), toTimespan(timeout));
        for (;;) {
            const Clock::duration left = deadline - Clock::now();
            if (left <= Clock::duration::zero())
                throw Poco::TimeoutException("TLS handshake not completed within " +
                                             std::to_string(timeout.count()) + " ms");
            socket.setReceiveTimeout(toTimespan(left));
            socket.setSendTimeout(toTimespan(left));
            if (socket.completeHandshake() == 1)
                break;
        }
        // Reads wait in poll() from here on; a blocking read must not time out on its own.
        socket.setReceiveTimeout(Poco::Timespan(0));
        socket.setSendTimeout(Poco::Timespan(0));
    } catch (const Poco::Exception& e) {
        std::string failure;
        failure.swap(verifyFailure);
        try {
            socket.close();
        } catch (const Poco::Exception&) {
            // The handshake failed; the descriptor is released anyway.
        }
        if (!failure.empty())
            throw TlsVerificationError("the TLS certificate of " + peer + " was refused: " + failure +
                                       (options.caFile.empty()
                                            ? std::string(" (trusting the system's certificate authorities;"
                                                          " for a self-signed server, trust its certificate file)")
                                            : " (trusting " + options.caFile + ")"));
        throw ConnectionError("cannot connect with TLS to " + peer + ": " + e.displayText());
    }
    return socket;
}

} // namespace ringdesk::operator_client
