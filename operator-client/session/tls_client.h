#pragma once
// The client side of TLS for Ringdesk's TCP endpoints (operator: docs/protocol.md, "TLS";
// IMS: docs/ims.md), with POCO NetSSL: TLS 1.2 or newer, the server's certificate verified against the system's
// certificate authorities or a given file, and its name checked against the host connected to.

#include "operator-client/session/connection_error.h"

#include <Poco/Net/StreamSocket.h>

#include <chrono>
#include <cstdint>
#include <string>

namespace ringdesk::operator_client {

struct TlsOptions
{
    /// PEM file of the certificates to trust instead of the system's authorities: a private
    /// CA, or for a server with a self-signed certificate that certificate itself (the
    /// server's data folder, tls_certificate.pem). Empty: the system's authorities.
    std::string caFile;
};

/// Connects to `host`:`port` and completes the TLS handshake, both within `timeout`, then
/// returns the socket (a Poco::Net::SecureStreamSocket; read it after checking available(),
/// since decrypted bytes may wait there while the descriptor shows nothing to read).
/// The certificate must chain to a trusted certificate (`options`) and name `host` (DNS
/// name or IP address). Sets SIGPIPE to be ignored for the process: OpenSSL writes with
/// write(2), which would otherwise kill the process when the server has gone.
/// Throws TlsVerificationError naming the host and OpenSSL's reason (e.g. "self-signed
/// certificate", "Hostname mismatch") when the certificate is refused or options.caFile
/// cannot be loaded; ConnectionError naming host and port for any other failure.
Poco::Net::StreamSocket connectTls(const std::string& host, std::uint16_t port, const TlsOptions& options,
                                   std::chrono::milliseconds timeout);

} // namespace ringdesk::operator_client
