#pragma once
// The admin API's bearer token (docs/admin.md, "Token"): 32 random bytes from OpenSSL's CSPRNG
// as 64 lowercase hex digits, in a file only its owner may read (mode 0600). The server creates
// it at its first start; ringdesk-admin reads it.

#include <cstddef>
#include <string>

namespace ringdesk::admin_api {

/// Hex digits in a token.
inline constexpr std::size_t kTokenHexDigits = 64;

/// Reads the token at `path`, creating the file first (O_EXCL, mode 0600, parent folders
/// created) when it does not exist. Throws std::runtime_error naming the file when it cannot
/// be created or read, or does not hold a token of 64 hex digits. `warning` receives a message
/// when the file may be read by others than its owner (it is used anyway), else stays empty.
std::string loadOrCreateAdminToken(const std::string& path, std::string& warning);

/// Reads the token at `path`. Throws std::runtime_error with a clear message when the file is
/// missing, unreadable or malformed.
std::string readAdminToken(const std::string& path);

/// Compares a presented token with the expected one in time independent of where they differ
/// (CRYPTO_memcmp); false when the lengths differ.
bool tokenMatches(const std::string& expected, const std::string& presented);

} // namespace ringdesk::admin_api
