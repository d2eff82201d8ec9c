#pragma once
// A scripted IMS client for the tests against the real ringdesk-server: sends documents and reads
// the server's documents one by one, with deadlines (never a fixed sleep).

#include "operator-client/session/tls_client.h"
#include "protocol/ims_stream_parser.h"

#include <Poco/Net/StreamSocket.h>

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

namespace ringdesk::ims_tests {
/// A scripted IMS client: sends documents and reads the server's documents one by one.
class ImsClient
{
public:
    /// Connects to 127.0.0.1:`port`.
    explicit ImsClient(std::uint16_t port);
    /// Connects to 127.0.0.1:`port` with TLS (the server's ringdesk.ims.tlsPort), trusting
    /// `tls`; throws operator_client::ConnectionError / TlsVerificationError as connectTls().
    ImsClient(std::uint16_t port, const operator_client::TlsOptions& tls);
    void send(const std::string& documents);
    /// The next whole document from the server, waiting up to `timeout`; nullopt when the server
    /// closed the connection. Throws std::runtime_error on timeout.
    std::optional<std::string> next(std::chrono::milliseconds timeout = std::chrono::seconds(10));
    /// Sends one document and returns the next one (its echo) — which must equal it.
    /// Throws std::runtime_error when the echo differs.
    void sendExpectEcho(const std::string& document);
    /// True when the server closes the connection within `timeout` (documents before the end
    /// are skipped).
    bool closedWithin(std::chrono::milliseconds timeout);
    /// Logs in: sends LOGIN with MD5(password), checks the echo and returns the response.
    std::string login(const std::string& user, const std::string& password);

private:
    Poco::Net::StreamSocket socket_;
    ims::ImsStreamParser parser_;
    bool closed_ = false;
};

} // namespace ringdesk::ims_tests
