#pragma once
// Password storage (ARCHITECTURE.md, "Security model"). IMS LOGIN sends MD5(password) as hex;
// the operator protocol sends the password itself. Both are reduced to the same MD5 hex value,
// and only a salted PBKDF2-HMAC-SHA256 of it is stored.
//
// Stored form: "pbkdf2-sha256$<iterations>$<salt, base64>$<32-byte key, base64>".

#include <string>

namespace ringdesk::store {

/// OWASP's 2023 recommendation for PBKDF2-HMAC-SHA256.
inline constexpr int kDefaultKdfIterations = 600'000;

/// Lowercase hex MD5 of the password's UTF-8 bytes: what an IMS client sends in LOGIN `pass`.
std::string md5Hex(const std::string& password);

/// Hashes an MD5 hex value with a fresh 16-byte random salt. `iterations` ≥ 1 000;
/// throws std::invalid_argument otherwise, std::runtime_error if OpenSSL fails.
std::string hashPasswordMd5(const std::string& md5HexValue, int iterations = kDefaultKdfIterations);

/// True when `md5HexValue` (case-insensitive hex) matches `stored`. Constant-time comparison;
/// a malformed stored value returns false.
bool verifyPasswordMd5(const std::string& md5HexValue, const std::string& stored);

} // namespace ringdesk::store
