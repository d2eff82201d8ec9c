#pragma once
// Storing key material (the server's RSA key pair, its TLS certificate and key): files read
// with a size bound and written atomically with a given mode, and the fingerprint format the
// logs show for them.

#include <openssl/types.h>
#include <sys/types.h>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace ringdesk::protocol {

/// Key and certificate files are a few KiB; anything larger than this is refused.
inline constexpr std::size_t kMaxKeyFileBytes = 64 * 1024;

/// The file's contents, or std::nullopt when it does not exist. Throws std::system_error
/// naming the file when it cannot be read, std::runtime_error when it is larger than
/// kMaxKeyFileBytes.
std::optional<std::string> readKeyFileIfExists(const std::string& path);

enum class IfExists { Replace, Keep };

/// Writes `data` to `path` with `mode` so that readers see either the old state or the whole
/// new file: a temporary file beside it, fsync, then rename (Replace) or link (Keep: fails
/// when `path` exists, so the first writer wins). Returns false when Keep found `path` taken.
/// File systems without hard links fall back to rename. Throws std::system_error naming the
/// file on an I/O error.
bool writeFileAtomically(const std::string& path, std::string_view data, mode_t mode,
                         IfExists ifExists);

/// Everything written so far to the memory BIO `bio` (a PEM-encoded key or certificate), as a
/// string. Throws std::runtime_error when nothing was written.
std::string memoryBioText(BIO* bio);

/// "SHA256:" and the `size` bytes of a SHA-256 digest as lowercase hex, ':' between bytes.
std::string sha256Fingerprint(const unsigned char* digest, std::size_t size);

} // namespace ringdesk::protocol
