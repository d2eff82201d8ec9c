#pragma once
// Files that hold key material (the server's RSA key pair, its TLS certificate and key, the
// operator app's pinned server key): read with a size bound, written atomically with a mode.

#include <sys/types.h>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace ringdesk::keys {

/// Key and certificate files are a few KiB; anything larger than this is refused.
inline constexpr std::size_t kMaxKeyFileBytes = 64 * 1024;

/// The file's contents, or std::nullopt when it does not exist. Throws std::system_error
/// naming the file when it cannot be read, std::runtime_error when it is larger than
/// kMaxKeyFileBytes.
std::optional<std::string> readKeyFileIfExists(const std::string& path);

enum class IfExists
{
    Replace,
    Keep
};

/// Writes `data` to `path` with `mode` so that readers see either the old state or the whole
/// new file: a temporary file beside it, fsync, then rename (Replace) or link (Keep: fails
/// when `path` exists, so the first writer wins). Returns false when Keep found `path` taken.
/// File systems without hard links fall back to rename. Throws std::system_error naming the
/// file on an I/O error.
bool writeFileAtomically(const std::string& path, std::string_view data, mode_t mode, IfExists ifExists);

} // namespace ringdesk::keys
