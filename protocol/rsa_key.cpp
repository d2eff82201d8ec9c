#include "protocol/rsa_key.h"

#include "protocol/key_text.h"
#include "protocol/limits.h"
#include "protocol/protocol_error.h"

#include <openssl/bio.h>
#include <openssl/crypto.h>
#include <openssl/decoder.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>

#include <climits>
#include <optional>
#include <stdexcept>
#include <vector>

namespace ringdesk::protocol {
namespace {

struct BioDeleter
{
    void operator()(BIO* bio) const noexcept { BIO_free(bio); }
};
using BioPtr = std::unique_ptr<BIO, BioDeleter>;

struct PkeyCtxDeleter
{
    void operator()(EVP_PKEY_CTX* ctx) const noexcept { EVP_PKEY_CTX_free(ctx); }
};
using PkeyCtxPtr = std::unique_ptr<EVP_PKEY_CTX, PkeyCtxDeleter>;

struct DecoderCtxDeleter
{
    void operator()(OSSL_DECODER_CTX* ctx) const noexcept { OSSL_DECODER_CTX_free(ctx); }
};
using DecoderCtxPtr = std::unique_ptr<OSSL_DECODER_CTX, DecoderCtxDeleter>;

std::shared_ptr<EVP_PKEY> ownKey(EVP_PKEY* key)
{
    return std::shared_ptr<EVP_PKEY>(key, EVP_PKEY_free);
}

/// The oldest queued OpenSSL error as text, and an empty queue afterwards: the queue is
/// per thread and would otherwise grow with every refused key.
std::string takeOpenSslError()
{
    const unsigned long code = ERR_get_error();
    ERR_clear_error();
    if (code == 0)
        return "unknown OpenSSL error";
    const char* reason = ERR_reason_error_string(code);
    return reason != nullptr ? reason : "OpenSSL error " + std::to_string(code);
}

[[noreturn]] void badKey(const std::string& why)
{
    throw ProtocolError(error_code::kBadField, "RSA key refused: " + why);
}

/// A read-only memory BIO over `text` (no copy).
BioPtr readBio(std::string_view text)
{
    if (text.size() > static_cast<std::size_t>(INT_MAX))
        badKey("PEM text too long");
    BioPtr bio(BIO_new_mem_buf(text.data(), static_cast<int>(text.size())));
    if (!bio)
        throw std::bad_alloc();
    return bio;
}

/// The PEM password callback: refuses, so OpenSSL never prompts on the terminal for an
/// encrypted key (its default behaviour) and just fails.
int noPassphrase(char* /*buffer*/, int /*size*/, int /*rwflag*/, void* /*userdata*/)
{
    return -1;
}

/// Refuses keys that are not plain RSA (RSA-PSS keys cannot encrypt) or of a refused size.
void checkRsaKey(EVP_PKEY* key)
{
    if (EVP_PKEY_is_a(key, "RSA") != 1)
        badKey("not an RSA key");
    const int bits = EVP_PKEY_get_bits(key);
    if (!isAcceptedRsaBits(bits))
        badKey(std::to_string(bits) + "-bit keys are not accepted (2048, 3072 or 4096 only)");
}

/// The label of the first PEM block ("PUBLIC KEY" for "-----BEGIN PUBLIC KEY-----"), and the
/// text from that block on; nullopt when there is no well-formed BEGIN line.
std::optional<std::pair<std::string_view, std::string_view>> firstPemBlock(std::string_view pem)
{
    static constexpr std::string_view kBegin = "-----BEGIN ";
    static constexpr std::string_view kDashes = "-----";
    const std::size_t begin = pem.find(kBegin);
    if (begin == std::string_view::npos)
        return std::nullopt;
    const std::size_t labelStart = begin + kBegin.size();
    const std::size_t labelEnd = pem.find(kDashes, labelStart);
    if (labelEnd == std::string_view::npos)
        return std::nullopt;
    return std::pair{pem.substr(labelStart, labelEnd - labelStart), pem.substr(begin)};
}

} // namespace

bool isAcceptedRsaBits(int bits) noexcept
{
    return bits == 2048 || bits == 3072 || bits == 4096;
}

// ---- RsaPublicKey -------------------------------------------------------------------------

RsaPublicKey::RsaPublicKey(std::shared_ptr<EVP_PKEY> key)
    : key_(std::move(key)), bits_(EVP_PKEY_get_bits(key_.get())),
      modulusBytes_(static_cast<std::size_t>(EVP_PKEY_get_size(key_.get())))
{
}

RsaPublicKey RsaPublicKey::fromPem(std::string_view pem)
{
    if (pem.size() > limits::kMaxPublicKeyPemBytes)
        throw ProtocolError(error_code::kTooLarge,
                            "RSA key refused: PEM longer than " +
                                std::to_string(limits::kMaxPublicKeyPemBytes) + " bytes");
    const auto block = firstPemBlock(pem);
    if (!block)
        badKey("no PEM block");
    const auto [label, text] = *block;
    BioPtr bio = readBio(text);
    EVP_PKEY* raw = nullptr;
    if (label == "PUBLIC KEY") {
        raw = PEM_read_bio_PUBKEY(bio.get(), nullptr, noPassphrase, nullptr);
    } else if (label == "RSA PUBLIC KEY") {
        DecoderCtxPtr decoder(OSSL_DECODER_CTX_new_for_pkey(&raw, "PEM", "type-specific", "RSA",
                                                            EVP_PKEY_PUBLIC_KEY, nullptr, nullptr));
        if (!decoder)
            throw std::bad_alloc();
        if (OSSL_DECODER_from_bio(decoder.get(), bio.get()) != 1) {
            EVP_PKEY_free(raw);
            raw = nullptr;
        }
    } else {
        badKey("expected \"-----BEGIN PUBLIC KEY-----\", found \"-----BEGIN " +
               std::string(label.substr(0, 40)) + "-----\"");
    }
    if (raw == nullptr)
        badKey("cannot decode the PEM public key: " + takeOpenSslError());
    std::shared_ptr<EVP_PKEY> key = ownKey(raw);
    checkRsaKey(key.get());

    // OpenSSL's public-key check (odd modulus without small factors, odd exponent > 1): a key
    // a peer sends must at least be a possible RSA key before we encrypt for it.
    PkeyCtxPtr ctx(EVP_PKEY_CTX_new_from_pkey(nullptr, key.get(), nullptr));
    if (!ctx)
        throw std::bad_alloc();
    if (EVP_PKEY_public_check(ctx.get()) != 1)
        badKey("invalid RSA public key: " + takeOpenSslError());
    return RsaPublicKey(std::move(key));
}

std::string RsaPublicKey::pem() const
{
    BioPtr bio(BIO_new(BIO_s_mem()));
    if (!bio)
        throw std::bad_alloc();
    if (PEM_write_bio_PUBKEY(bio.get(), key_.get()) != 1)
        throw std::runtime_error("cannot encode the RSA public key: " + takeOpenSslError());
    return memoryBioText(bio.get());
}

std::string RsaPublicKey::fingerprint() const
{
    unsigned char* der = nullptr;
    const int derSize = i2d_PUBKEY(key_.get(), &der);
    if (derSize <= 0)
        throw std::runtime_error("cannot encode the RSA public key: " + takeOpenSslError());
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int digestSize = 0;
    const int ok = EVP_Digest(der, static_cast<std::size_t>(derSize), digest, &digestSize,
                              EVP_sha256(), nullptr);
    OPENSSL_free(der);
    if (ok != 1)
        throw std::runtime_error("SHA-256 failed: " + takeOpenSslError());
    return sha256Fingerprint(digest, digestSize);
}

bool RsaPublicKey::operator==(const RsaPublicKey& other) const
{
    return key_ == other.key_ || EVP_PKEY_eq(key_.get(), other.key_.get()) == 1;
}

// ---- RsaPrivateKey ------------------------------------------------------------------------

namespace {

/// The public half of `key` as its own EVP_PKEY, so an RsaPublicKey never carries secrets.
std::shared_ptr<EVP_PKEY> publicHalf(EVP_PKEY* key)
{
    unsigned char* der = nullptr;
    const int derSize = i2d_PUBKEY(key, &der);
    if (derSize <= 0)
        throw std::runtime_error("cannot encode the RSA public key: " + takeOpenSslError());
    const unsigned char* cursor = der;
    EVP_PKEY* raw = d2i_PUBKEY(nullptr, &cursor, derSize);
    OPENSSL_free(der);
    if (raw == nullptr)
        throw std::runtime_error("cannot decode the RSA public key: " + takeOpenSslError());
    return ownKey(raw);
}

} // namespace

RsaPrivateKey::RsaPrivateKey(std::shared_ptr<EVP_PKEY> key)
    : key_(std::move(key)), public_(publicHalf(key_.get()))
{
}

RsaPrivateKey RsaPrivateKey::generate(int bits)
{
    if (!isAcceptedRsaBits(bits))
        throw std::invalid_argument("RSA key size " + std::to_string(bits) +
                                    " not accepted (2048, 3072 or 4096 bits)");
    PkeyCtxPtr ctx(EVP_PKEY_CTX_new_from_name(nullptr, "RSA", nullptr));
    if (!ctx)
        throw std::runtime_error("RSA key generation unavailable: " + takeOpenSslError());
    EVP_PKEY* raw = nullptr;
    if (EVP_PKEY_keygen_init(ctx.get()) != 1 ||
        EVP_PKEY_CTX_set_rsa_keygen_bits(ctx.get(), bits) != 1 ||
        EVP_PKEY_generate(ctx.get(), &raw) != 1)
        throw std::runtime_error("RSA key generation failed: " + takeOpenSslError());
    return RsaPrivateKey(ownKey(raw));
}

RsaPrivateKey RsaPrivateKey::fromPem(std::string_view pem)
{
    BioPtr bio = readBio(pem);
    EVP_PKEY* raw = PEM_read_bio_PrivateKey(bio.get(), nullptr, noPassphrase, nullptr);
    if (raw == nullptr)
        badKey("cannot decode the PEM private key (unencrypted PKCS#8 or PKCS#1 expected): " +
               takeOpenSslError());
    std::shared_ptr<EVP_PKEY> key = ownKey(raw);
    checkRsaKey(key.get());
    return RsaPrivateKey(std::move(key));
}

std::string RsaPrivateKey::pem() const
{
    // A secure-memory BIO clears its buffer when freed, so the only copy of the PEM text left
    // behind is the string handed to the caller.
    BioPtr bio(BIO_new(BIO_s_secmem()));
    if (!bio)
        throw std::bad_alloc();
    if (PEM_write_bio_PrivateKey(bio.get(), key_.get(), nullptr, nullptr, 0, nullptr, nullptr) != 1)
        throw std::runtime_error("cannot encode the RSA private key: " + takeOpenSslError());
    return memoryBioText(bio.get());
}

} // namespace ringdesk::protocol
