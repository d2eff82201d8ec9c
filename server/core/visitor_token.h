#pragma once
// Visitor identities: a public visitor id and a secret resume token (docs/visitor-api.md,
// `hello`/`welcome`). Only the token's SHA-256 is stored.

#include <string>

namespace ringdesk::core {

/// A fresh secret token: 32 lowercase hex digits from OpenSSL's CSPRNG.
std::string newVisitorToken();
/// A fresh public visitor id: "v-" + 16 lowercase hex digits.
std::string newVisitorId();
/// Lowercase hex SHA-256 of the token, as stored in visitors.token_hash.
std::string hashVisitorToken(const std::string& token);

} // namespace ringdesk::core
