#pragma once
// The TLS settings every Ringdesk TLS endpoint uses (POCO NetSSL Context over OpenSSL).

#include "server/keys/certificate_files.h"

#include <Poco/Logger.h>
#include <Poco/Net/Context.h>

#include <string>

namespace ringdesk::tls {

/// OpenSSL cipher list for TLS 1.2 (Mozilla's "intermediate" profile: forward-secret AEAD
/// suites only); TLS 1.3 uses OpenSSL's default suites, all of them AEAD.
inline constexpr const char* kTls12Ciphers =
    "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:"
    "ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305:"
    "DHE-RSA-AES128-GCM-SHA256:DHE-RSA-AES256-GCM-SHA384";

/// A server context presenting `files`: TLS 1.2 or newer, kTls12Ciphers, the server's cipher
/// order, no compression, no renegotiation, no client certificates. A peer that closes the
/// TCP connection without a TLS close_notify reads as a normal end of stream (every Ringdesk
/// protocol delimits its own messages, so a truncation cannot pass for a whole message).
/// Throws Poco::Net::SSLContextException (or another Poco::Exception) naming the problem when
/// a file is missing, unreadable, or the key does not match the certificate.
Poco::Net::Context::Ptr makeServerContext(const keys::CertificateFiles& files);

/// What the server does before it listens with TLS on one endpoint: creates the self-signed
/// certificate when `selfSigned` (no files configured) and it does not exist yet, logs the
/// certificate's SHA-256 fingerprint on `logger` (clients compare it when they trust a
/// self-signed server), and returns makeServerContext(files). Also sets SIGPIPE to be ignored
/// for the process: OpenSSL writes with write(2), which would otherwise kill the server when
/// a peer has gone. Throws as createSelfSignedCertificateIfMissing() and makeServerContext().
Poco::Net::Context::Ptr prepareServerContext(const std::string& endpointName, const keys::CertificateFiles& files,
                                             bool selfSigned, Poco::Logger& logger);

} // namespace ringdesk::tls
