#pragma once
// Hard limits of every wire format, defined once (CONVENTIONS.md, practice 1).
// Servers may configure lower values; none may be exceeded.

#include <cstddef>

namespace ringdesk::protocol::limits {

/// Longest operator-protocol line (plain packet or raw envelope), in bytes, without the '\n'.
/// A 4 000-byte message encrypted with a 4096-bit key takes ~ 11 blocks of 684 base64 bytes.
inline constexpr std::size_t kMaxOperatorLineBytes = 64 * 1024;
/// Longest chat message text, in bytes of UTF-8 (visitor and operator).
inline constexpr std::size_t kMaxMessageTextBytes = 4000;
/// Longest visitor WebSocket frame payload, in bytes.
inline constexpr std::size_t kMaxVisitorFrameBytes = 16 * 1024;
/// Longest visitor display name and page URL, in bytes.
inline constexpr std::size_t kMaxVisitorNameBytes = 100;
inline constexpr std::size_t kMaxVisitorPageBytes = 2048;
/// Longest IMS XML document, in bytes.
inline constexpr std::size_t kMaxImsDocumentBytes = 64 * 1024;
/// Longest user name and password accepted at login, in bytes.
inline constexpr std::size_t kMaxUsernameBytes = 64;
inline constexpr std::size_t kMaxPasswordBytes = 1024;
/// Longest PEM public key accepted in a `key` packet, in bytes.
inline constexpr std::size_t kMaxPublicKeyPemBytes = 4096;
/// Most RSA blocks in one raw envelope.
inline constexpr std::size_t kMaxRawBlocks = 64;

} // namespace ringdesk::protocol::limits
