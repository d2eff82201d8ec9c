#pragma once
// This node's RSA key pair on disk (NL chat compat mode, the raw packets of
// docs/protocol.md): loaded at start, generated and written on first start.

#include "protocol/rsa_key.h"

#include <string>

namespace ringdesk::keys {

/// Loads this node's key pair from `privatePemPath` (and checks `publicPemPath` against it),
/// or, when the private key file does not exist, generates a `bits`-bit pair and writes both.
///
/// - The private key file is written as PKCS#8 PEM with mode 0600, atomically: a temporary
///   file in the same directory, fsync, then link()ed into place, so a crash leaves either no
///   file or a complete one, and when two processes race the first file wins and both load it.
/// - A missing public key file is (re)written from the private key (mode 0644, atomically).
///   An existing one must hold the private key's public half.
/// - `bits` is used only for generation; an existing key keeps its size.
///
/// Throws std::runtime_error naming the file when a file cannot be read or written, does not
/// hold a usable key (see RsaPrivateKey::fromPem / RsaPublicKey::fromPem), or when the public
/// key file does not match the private key; std::invalid_argument when a key must be generated
/// and `bits` is not accepted.
protocol::RsaPrivateKey loadOrCreateKeyPair(const std::string& privatePemPath, const std::string& publicPemPath,
                                            int bits);

} // namespace ringdesk::keys
