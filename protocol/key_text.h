#pragma once
// Key material as text, in memory only (no files): the PEM a memory BIO holds, and the
// fingerprint format the logs and the operator app show for keys and certificates.

#include <openssl/types.h>

#include <cstddef>
#include <string>

namespace ringdesk::protocol {

/// Everything written so far to the memory BIO `bio` (a PEM-encoded key or certificate), as a
/// string. Throws std::runtime_error when nothing was written.
std::string memoryBioText(BIO* bio);

/// "SHA256:" and the `size` bytes of a SHA-256 digest as lowercase hex, ':' between bytes.
std::string sha256Fingerprint(const unsigned char* digest, std::size_t size);

} // namespace ringdesk::protocol
