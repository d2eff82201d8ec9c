#pragma once
// The certificate and private key a TLS endpoint presents, and their preparation at start:
// a self-signed pair is created on first start when none was configured, so that a small
// team can use TLS without a certificate authority (docs/configuration.md, "TLS").

#include <string>

namespace ringdesk::keys {

struct CertificateFiles
{
    std::string certificateFile; // PEM: the server certificate, then any intermediates
    std::string privateKeyFile;  // PEM: its unencrypted private key
};

/// Days a generated self-signed certificate is valid.
inline constexpr int kSelfSignedValidityDays = 3650;

/// Creates a self-signed certificate and its key at `files` unless the certificate file
/// exists already: an ECDSA P-256 key (PKCS#8 PEM, mode 0600) and an X.509 v3 certificate
/// (SHA-256, mode 0644) for the names localhost, `hostName` (when not empty), 127.0.0.1 and
/// ::1, valid for kSelfSignedValidityDays. Returns true when it created them. Throws
/// std::runtime_error / std::system_error naming the file when it cannot.
bool createSelfSignedCertificateIfMissing(const CertificateFiles& files, const std::string& hostName);

/// The SHA-256 fingerprint of the first certificate in a PEM file, in the form
/// protocol::sha256Fingerprint() gives ("SHA256:ab:cd:…", the digest
/// `openssl x509 -fingerprint -sha256` prints). Throws std::runtime_error naming the file when
/// it is missing or holds no certificate.
std::string certificateFingerprint(const std::string& certificatePemPath);

} // namespace ringdesk::keys
