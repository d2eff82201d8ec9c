#pragma once
// The NL chat "raw packet": a plain packet's JSON text, split into RSA-encrypted blocks and
// wrapped in a JSON envelope (specs/nlchat-protocol.txt, section 1.2 "Packet structure" and
// 1.2.1 "Encryption"; specs/README.md, "Facts about the original NL chat implementation"):
//
//   {"messages": ["<base64 block>", ...], "UUID": "<client uuid>", "to": "alice" | "bob"}
//
// Each block is RSA-OAEP with SHA-1 and MGF1-SHA-1 (RFC 8017, 7.1; PyCryptodome's
// PKCS1_OAEP defaults) of at most RsaPublicKey::maxPlaintextBlockBytes() bytes, encoded in
// standard base64 with padding and no line breaks. The receiver concatenates the decrypted
// bytes and only then decodes UTF-8, so the plaintext is split by bytes, never by characters.
//
// Pure functions of their arguments (no sockets, clocks or globals); safe to call from many
// threads at once, also with the same key objects.

#include "protocol/rsa_key.h"

#include <string>
#include <string_view>
#include <vector>

namespace ringdesk::protocol {

/// The "to" value meaning the server (spec 1.2; the original named its two ends alice and bob).
inline constexpr const char* kServerName = "alice";
/// The "to" value meaning an operator client.
inline constexpr const char* kClientName = "bob";

/// One raw packet (spec 1.2, Figure 2).
struct RawEnvelope
{
    /// Base64 RSA-OAEP blocks, in order; each decodes to exactly k bytes (the key's modulus size).
    std::vector<std::string> messages;
    /// "UUID": the sender's UUID on client → server packets, the recipient's on server → client.
    std::string uuid;
    /// "to": kServerName or kClientName. A receiver refuses envelopes for the other end, which
    /// is the spec's protection against decrypting its own packets bounced back to it.
    std::string to;

    bool operator==(const RawEnvelope&) const = default;
};

/// True when `jsonLine` looks like a raw envelope rather than a plain packet: its top-level
/// object has a "messages" key whose value is an array, and no "type" key. A fast scan of the
/// top-level keys, without building a JSON tree (every received line goes through it); keys
/// are compared as written, so a key spelled with \u escapes does not count. Never throws;
/// false for anything that is not a JSON object, so the plain-packet parser reports the error.
bool looksLikeRawEnvelope(std::string_view jsonLine) noexcept;

/// Parses the envelope JSON (one line, no '\n'). Unknown extra keys are ignored.
/// Throws ProtocolError:
///  - kTooLarge: the line is longer than limits::kMaxOperatorLineBytes, or "messages" holds
///    more than limits::kMaxRawBlocks blocks;
///  - kBadJson: not a JSON object;
///  - kMissingField: "messages", "UUID" or "to" is absent (or null);
///  - kBadField: "messages" is not an array of strings or is empty, "UUID" or "to" is not a
///    string.
/// Blocks are not decoded here; openRawPacket() checks them.
RawEnvelope parseRawEnvelope(std::string_view jsonLine);

/// The envelope as compact JSON, keys in the order "messages", "UUID", "to", one line without
/// '\n'. parseRawEnvelope(serializeRawEnvelope(e)) == e.
std::string serializeRawEnvelope(const RawEnvelope& envelope);

/// Encrypts `plaintext` (the UTF-8 JSON text of a plain packet) for `recipient`: the bytes are
/// cut into chunks of recipient.maxPlaintextBlockBytes() (214 for 2048-bit keys; a multibyte
/// character may straddle two chunks), each encrypted with RSA-OAEP(SHA-1, MGF1-SHA-1) under
/// fresh randomness and base64 encoded. Empty plaintext gives one block (an encrypted empty
/// string), so every envelope carries at least one block.
/// Throws ProtocolError(kTooLarge) when more than limits::kMaxRawBlocks blocks would be needed
/// (the receiver would refuse them), ProtocolError(kInternal) when OpenSSL fails.
RawEnvelope sealRawPacket(std::string_view plaintext, const RsaPublicKey& recipient,
                          std::string uuid, std::string to);

/// Decrypts every block of `envelope` with `key` and returns the concatenated plaintext bytes
/// (the caller parses them as a plain packet's JSON).
/// Throws ProtocolError:
///  - kWrongRecipient: envelope.to != expectedTo (checked first, before any RSA work; spec 1.2
///    bounce protection);
///  - kBadField: no blocks; kTooLarge: more than limits::kMaxRawBlocks blocks;
///  - kDecryptFailed: a block is not canonical padded base64 of exactly key.modulusBytes()
///    bytes (RFC 8017, 7.1.2 step 1), or its OAEP decoding fails (corrupt, or encrypted for
///    another key). The message names the block's index but never why OAEP failed.
/// Cost: one RSA private operation per block (about 0.25 ms for 2048 bits on one current
/// core, within a few per cent of OpenSSL's raw rate) plus one EVP_PKEY_CTX per call.
std::string openRawPacket(const RawEnvelope& envelope, const RsaPrivateKey& key,
                          std::string_view expectedTo);

} // namespace ringdesk::protocol
