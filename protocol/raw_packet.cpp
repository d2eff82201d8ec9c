#include "protocol/raw_packet.h"

#include "protocol/limits.h"
#include "protocol/protocol_error.h"

#include <Poco/Exception.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <openssl/core_names.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/params.h>
#include <openssl/rsa.h>

#include <algorithm>
#include <array>
#include <memory>
#include <sstream>

namespace ringdesk::protocol {
namespace {

constexpr const char* kMessagesKey = "messages";
constexpr const char* kUuidKey = "UUID";
constexpr const char* kToKey = "to";

// ---- RSA-OAEP -----------------------------------------------------------------------------

struct PkeyCtxDeleter
{
    void operator()(EVP_PKEY_CTX* ctx) const noexcept { EVP_PKEY_CTX_free(ctx); }
};
using PkeyCtxPtr = std::unique_ptr<EVP_PKEY_CTX, PkeyCtxDeleter>;

enum class OaepOperation { Encrypt, Decrypt };

/// A context for RSA-OAEP with SHA-1 and MGF1-SHA-1 and an empty label (RFC 8017, 7.1), the
/// parameters PyCryptodome's PKCS1_OAEP.new(key) uses. Set explicitly rather than relying on
/// OpenSSL's defaults, which are the same today. One context serves every block of a packet.
PkeyCtxPtr oaepContext(EVP_PKEY* key, OaepOperation operation)
{
    PkeyCtxPtr ctx(EVP_PKEY_CTX_new_from_pkey(nullptr, key, nullptr));
    if (!ctx)
        throw std::bad_alloc();
    int padding = RSA_PKCS1_OAEP_PADDING;
    char sha1[] = "SHA1";
    const OSSL_PARAM params[] = {
        OSSL_PARAM_construct_int(OSSL_ASYM_CIPHER_PARAM_PAD_MODE, &padding),
        OSSL_PARAM_construct_utf8_string(OSSL_ASYM_CIPHER_PARAM_OAEP_DIGEST, sha1, 0),
        OSSL_PARAM_construct_utf8_string(OSSL_ASYM_CIPHER_PARAM_MGF1_DIGEST, sha1, 0),
        OSSL_PARAM_construct_end(),
    };
    const int ok = operation == OaepOperation::Encrypt
                       ? EVP_PKEY_encrypt_init_ex(ctx.get(), params)
                       : EVP_PKEY_decrypt_init_ex(ctx.get(), params);
    if (ok != 1) {
        const unsigned long code = ERR_get_error();
        ERR_clear_error();
        const char* reason = code != 0 ? ERR_reason_error_string(code) : nullptr;
        throw ProtocolError(error_code::kInternal,
                            std::string("RSA-OAEP unavailable: ") +
                                (reason != nullptr ? reason : "unknown OpenSSL error"));
    }
    return ctx;
}

// ---- Base64 -------------------------------------------------------------------------------

/// Length of the padded base64 text of `bytes` bytes.
constexpr std::size_t base64Length(std::size_t bytes)
{
    return (bytes + 2) / 3 * 4;
}

std::string encodeBase64(const unsigned char* data, std::size_t size)
{
    std::string text(base64Length(size) + 1, '\0'); // EVP_EncodeBlock adds a NUL
    const int written = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(text.data()), data,
                                        static_cast<int>(size));
    text.resize(static_cast<std::size_t>(written));
    return text;
}

constexpr unsigned char kNotBase64 = 0xff;

constexpr std::array<unsigned char, 256> makeBase64Values()
{
    std::array<unsigned char, 256> values{};
    values.fill(kNotBase64);
    constexpr std::string_view kAlphabet =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    for (std::size_t i = 0; i < kAlphabet.size(); ++i)
        values[static_cast<unsigned char>(kAlphabet[i])] = static_cast<unsigned char>(i);
    return values;
}

constexpr std::array<unsigned char, 256> kBase64Values = makeBase64Values();

/// Decodes canonical padded base64 of exactly `size` bytes into `out`; false for anything
/// else. Written here because EVP_DecodeBlock is lax (it skips surrounding whitespace, takes
/// '=' in the middle and ignores non-zero trailing bits), and an RSA block has exactly one
/// valid encoding.
bool decodeBase64Exact(std::string_view text, unsigned char* out, std::size_t size)
{
    if (text.size() != base64Length(size))
        return false;
    const std::size_t fullGroups = size / 3;
    const std::size_t tail = size % 3; // bytes in the last, padded group: 0, 1 or 2
    std::size_t o = 0;
    unsigned char bad = 0;
    for (std::size_t g = 0; g < fullGroups; ++g) {
        const unsigned char a = kBase64Values[static_cast<unsigned char>(text[4 * g])];
        const unsigned char b = kBase64Values[static_cast<unsigned char>(text[4 * g + 1])];
        const unsigned char c = kBase64Values[static_cast<unsigned char>(text[4 * g + 2])];
        const unsigned char d = kBase64Values[static_cast<unsigned char>(text[4 * g + 3])];
        bad |= static_cast<unsigned char>(a | b | c | d);
        out[o++] = static_cast<unsigned char>(a << 2 | b >> 4);
        out[o++] = static_cast<unsigned char>(b << 4 | c >> 2);
        out[o++] = static_cast<unsigned char>(c << 6 | d);
    }
    if ((bad & 0xc0) != 0) // every valid value is < 64; kNotBase64 has the top bits set
        return false;
    if (tail == 0)
        return true;
    const std::string_view last = text.substr(4 * fullGroups);
    const unsigned char a = kBase64Values[static_cast<unsigned char>(last[0])];
    const unsigned char b = kBase64Values[static_cast<unsigned char>(last[1])];
    if (a == kNotBase64 || b == kNotBase64 || last[3] != '=')
        return false;
    out[o++] = static_cast<unsigned char>(a << 2 | b >> 4);
    if (tail == 1)
        return last[2] == '=' && (b & 0x0f) == 0;
    const unsigned char c = kBase64Values[static_cast<unsigned char>(last[2])];
    if (c == kNotBase64 || (c & 0x03) != 0)
        return false;
    out[o] = static_cast<unsigned char>(b << 4 | c >> 2);
    return true;
}

// ---- Envelope detection (a scan of the top-level keys) --------------------------------------

constexpr std::size_t kEnd = std::string_view::npos;

std::size_t skipSpace(std::string_view text, std::size_t pos)
{
    while (pos < text.size() &&
           (text[pos] == ' ' || text[pos] == '\t' || text[pos] == '\n' || text[pos] == '\r'))
        ++pos;
    return pos;
}

/// `pos` is at an opening '"'; returns the position after the closing one, or kEnd.
std::size_t skipString(std::string_view text, std::size_t pos)
{
    for (++pos; pos < text.size(); ++pos) {
        if (text[pos] == '\\')
            ++pos; // the escaped character; "\uXXXX" digits need no special care
        else if (text[pos] == '"')
            return pos + 1;
    }
    return kEnd;
}

/// Skips one JSON value at `pos`; returns the position after it, or kEnd. Nested values are
/// skipped by counting brackets (no recursion, so no depth limit is needed); whether they are
/// well formed is left to the real parser.
std::size_t skipValue(std::string_view text, std::size_t pos)
{
    if (pos >= text.size())
        return kEnd;
    const char first = text[pos];
    if (first == '"')
        return skipString(text, pos);
    if (first == '{' || first == '[') {
        std::size_t depth = 0;
        while (pos < text.size()) {
            const char c = text[pos];
            if (c == '"') {
                pos = skipString(text, pos);
                if (pos == kEnd)
                    return kEnd;
                continue;
            }
            if (c == '{' || c == '[')
                ++depth;
            else if ((c == '}' || c == ']') && --depth == 0)
                return pos + 1;
            ++pos;
        }
        return kEnd;
    }
    const std::size_t start = pos; // number, true, false or null
    while (pos < text.size() && text[pos] != ',' && text[pos] != '}' && text[pos] != ']' &&
           text[pos] != ' ' && text[pos] != '\t' && text[pos] != '\n' && text[pos] != '\r')
        ++pos;
    return pos == start ? kEnd : pos;
}

// ---- Envelope fields ----------------------------------------------------------------------

[[noreturn]] void missingField(const char* name)
{
    throw ProtocolError(error_code::kMissingField,
                        std::string("raw packet: missing field '") + name + "'");
}

[[noreturn]] void badField(const char* name, const char* expected)
{
    throw ProtocolError(error_code::kBadField,
                        std::string("raw packet: field '") + name + "' must be " + expected);
}

std::string stringField(const Poco::JSON::Object& object, const char* name)
{
    if (!object.has(name) || object.isNull(name))
        missingField(name);
    const Poco::Dynamic::Var value = object.get(name);
    if (!value.isString())
        badField(name, "a string");
    return value.extract<std::string>();
}

void checkBlockCount(std::size_t count, const char* what)
{
    if (count > limits::kMaxRawBlocks)
        throw ProtocolError(error_code::kTooLarge,
                            std::string("raw packet: ") + what + " " + std::to_string(count) +
                                " blocks, more than " + std::to_string(limits::kMaxRawBlocks));
}

} // namespace

bool looksLikeRawEnvelope(std::string_view jsonLine) noexcept
{
    std::size_t pos = skipSpace(jsonLine, 0);
    if (pos >= jsonLine.size() || jsonLine[pos] != '{')
        return false;
    pos = skipSpace(jsonLine, pos + 1);
    bool hasMessagesArray = false;
    while (pos < jsonLine.size() && jsonLine[pos] == '"') {
        const std::size_t keyEnd = skipString(jsonLine, pos);
        if (keyEnd == kEnd)
            return false;
        const std::string_view key = jsonLine.substr(pos + 1, keyEnd - pos - 2);
        if (key == "type")
            return false;
        pos = skipSpace(jsonLine, keyEnd);
        if (pos >= jsonLine.size() || jsonLine[pos] != ':')
            return false;
        pos = skipSpace(jsonLine, pos + 1);
        if (key == kMessagesKey)
            hasMessagesArray = pos < jsonLine.size() && jsonLine[pos] == '[';
        pos = skipValue(jsonLine, pos);
        if (pos == kEnd)
            return false;
        pos = skipSpace(jsonLine, pos);
        if (pos < jsonLine.size() && jsonLine[pos] == ',')
            pos = skipSpace(jsonLine, pos + 1);
        else
            return pos < jsonLine.size() && jsonLine[pos] == '}' && hasMessagesArray;
    }
    return false;
}

RawEnvelope parseRawEnvelope(std::string_view jsonLine)
{
    if (jsonLine.size() > limits::kMaxOperatorLineBytes)
        throw ProtocolError(error_code::kTooLarge,
                            "raw packet longer than " +
                                std::to_string(limits::kMaxOperatorLineBytes) + " bytes");
    Poco::JSON::Object::Ptr object;
    try {
        Poco::JSON::Parser parser;
        const Poco::Dynamic::Var root = parser.parse(std::string(jsonLine));
        if (root.type() != typeid(Poco::JSON::Object::Ptr))
            throw ProtocolError(error_code::kBadJson, "raw packet: expected a JSON object");
        object = root.extract<Poco::JSON::Object::Ptr>();
    } catch (const Poco::Exception& e) {
        throw ProtocolError(error_code::kBadJson, "raw packet: malformed JSON: " + e.displayText());
    }

    RawEnvelope envelope;
    if (!object->has(kMessagesKey) || object->isNull(kMessagesKey))
        missingField(kMessagesKey);
    const Poco::JSON::Array::Ptr blocks = object->getArray(kMessagesKey);
    if (!blocks)
        badField(kMessagesKey, "an array of base64 strings");
    checkBlockCount(blocks->size(), "holds");
    if (blocks->size() == 0)
        badField(kMessagesKey, "a non-empty array");
    envelope.messages.reserve(blocks->size());
    for (const Poco::Dynamic::Var& block : *blocks) {
        if (!block.isString())
            badField(kMessagesKey, "an array of base64 strings");
        envelope.messages.push_back(block.extract<std::string>());
    }
    envelope.uuid = stringField(*object, kUuidKey);
    envelope.to = stringField(*object, kToKey);
    return envelope;
}

std::string serializeRawEnvelope(const RawEnvelope& envelope)
{
    Poco::JSON::Array::Ptr blocks = new Poco::JSON::Array;
    for (const std::string& block : envelope.messages)
        blocks->add(block);
    Poco::JSON::Object object(Poco::JSON_PRESERVE_KEY_ORDER);
    object.set(kMessagesKey, blocks);
    object.set(kUuidKey, envelope.uuid);
    object.set(kToKey, envelope.to);
    std::ostringstream out;
    object.stringify(out);
    return std::move(out).str();
}

RawEnvelope sealRawPacket(std::string_view plaintext, const RsaPublicKey& recipient,
                          std::string uuid, std::string to)
{
    const std::size_t chunk = recipient.maxPlaintextBlockBytes();
    const std::size_t count = plaintext.empty() ? 1 : (plaintext.size() + chunk - 1) / chunk;
    checkBlockCount(count, "plaintext needs");

    const PkeyCtxPtr ctx = oaepContext(recipient.get(), OaepOperation::Encrypt);
    const std::size_t k = recipient.modulusBytes();
    std::vector<unsigned char> cipher(k);
    // A valid pointer even for empty input: OpenSSL copies the message with memcpy.
    static constexpr unsigned char kNothing = 0;
    const auto* bytes =
        plaintext.empty() ? &kNothing : reinterpret_cast<const unsigned char*>(plaintext.data());

    RawEnvelope envelope;
    envelope.messages.reserve(count);
    for (std::size_t i = 0; i < count; ++i) {
        const std::size_t offset = i * chunk;
        const std::size_t length = std::min(chunk, plaintext.size() - offset);
        std::size_t cipherLength = cipher.size();
        const int ok =
            EVP_PKEY_encrypt(ctx.get(), cipher.data(), &cipherLength, bytes + offset, length);
        if (ok != 1) {
            ERR_clear_error();
            throw ProtocolError(error_code::kInternal, "RSA-OAEP encryption failed");
        }
        envelope.messages.push_back(encodeBase64(cipher.data(), cipherLength));
    }
    envelope.uuid = std::move(uuid);
    envelope.to = std::move(to);
    return envelope;
}

std::string openRawPacket(const RawEnvelope& envelope, const RsaPrivateKey& key,
                          std::string_view expectedTo)
{
    if (envelope.to != expectedTo)
        throw ProtocolError(error_code::kWrongRecipient,
                            "raw packet addressed to '" + envelope.to.substr(0, 32) +
                                "', not to '" + std::string(expectedTo) + "'");
    const std::size_t count = envelope.messages.size();
    if (count == 0)
        badField(kMessagesKey, "a non-empty array");
    checkBlockCount(count, "holds");

    const PkeyCtxPtr ctx = oaepContext(key.get(), OaepOperation::Decrypt);
    const std::size_t k = key.modulusBytes();
    const std::size_t maxChunk = key.publicKey().maxPlaintextBlockBytes();
    std::vector<unsigned char> cipher(k);
    // Decrypt straight into the result. OpenSSL wants room for k bytes per call although OAEP
    // yields at most maxChunk, so k - maxChunk bytes of slack after the last block suffice.
    std::string plaintext(count * maxChunk + (k - maxChunk), '\0');
    std::size_t used = 0;
    for (std::size_t i = 0; i < count; ++i) {
        std::size_t length = plaintext.size() - used; // >= k, as used <= i * maxChunk
        if (!decodeBase64Exact(envelope.messages[i], cipher.data(), k) ||
            EVP_PKEY_decrypt(ctx.get(), reinterpret_cast<unsigned char*>(plaintext.data()) + used,
                             &length, cipher.data(), k) != 1) {
            // One message for every failure, so a peer learns nothing about why (no oracle).
            ERR_clear_error();
            throw ProtocolError(error_code::kDecryptFailed,
                                "raw packet: block " + std::to_string(i + 1) + " of " +
                                    std::to_string(count) + " cannot be decrypted");
        }
        used += length;
    }
    plaintext.resize(used);
    return plaintext;
}

} // namespace ringdesk::protocol
