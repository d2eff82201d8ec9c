#pragma once
// RSA key pairs of the NL chat operator protocol's encryption (specs/nlchat-protocol.txt,
// section 1.2.1 "Encryption"): 2048-bit keys today, 3072/4096-bit keys allowed. Thin value
// types over OpenSSL 3 EVP_PKEY; the cipher itself lives in raw_packet.h.
//
// Thread safety: a key never changes after construction, so one object (or its copies) may be
// used from any number of threads at once. Copies share the same EVP_PKEY (one reference count
// increment); nothing is duplicated.

#include <openssl/types.h>

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

namespace ringdesk::protocol {

/// True for the RSA modulus sizes Ringdesk accepts: 2048, 3072 and 4096 bits. Shorter keys
/// are refused (2048 is the spec's size and the floor for RSA today); longer ones are refused
/// to bound the cost of one private operation a peer can make the server do.
bool isAcceptedRsaBits(int bits) noexcept;

/// An RSA public key: the recipient of sealRawPacket().
class RsaPublicKey
{
public:
    /// Parses a PEM public key, as sent in the `key` packet (spec 1.1.6, 2.1) or kept in a
    /// file. Accepts SubjectPublicKeyInfo ("-----BEGIN PUBLIC KEY-----", what PyCryptodome's
    /// `exportKey()` writes) and PKCS#1 ("-----BEGIN RSA PUBLIC KEY-----"). Text before the
    /// first "-----BEGIN " line is ignored, as OpenSSL does.
    /// Throws ProtocolError(kTooLarge) when `pem` exceeds limits::kMaxPublicKeyPemBytes, and
    /// ProtocolError(kBadField) when it holds no such PEM block, the block does not decode, the
    /// key is not RSA, fails OpenSSL's public-key check (e.g. an even exponent), or its size is
    /// not accepted (isAcceptedRsaBits()).
    static RsaPublicKey fromPem(std::string_view pem);

    /// The key as SubjectPublicKeyInfo PEM ("-----BEGIN PUBLIC KEY-----", 64-column lines,
    /// ending in '\n'): the form the `key` packet carries and PyCryptodome's RSA.importKey reads.
    std::string pem() const;

    /// Modulus size in bits (2048, 3072 or 4096).
    int bits() const noexcept { return bits_; }
    /// Modulus size in bytes (k of RFC 8017): the length of every ciphertext block.
    std::size_t modulusBytes() const noexcept { return modulusBytes_; }
    /// Largest plaintext one RSA-OAEP(SHA-1) block carries, in bytes: k - 2*20 - 2
    /// (RFC 8017, 7.1.1): 214 for 2048-bit keys (the spec's "214 byte blocks"), 342 for 3072,
    /// 470 for 4096.
    std::size_t maxPlaintextBlockBytes() const noexcept { return modulusBytes_ - 2 * 20 - 2; }

    /// SHA-256 of the DER SubjectPublicKeyInfo, as "SHA256:" followed by 32 lowercase hex bytes
    /// separated by ':' (102 characters), e.g. "SHA256:3b:0f:…:9a". The same digits as
    /// `openssl pkey -pubin -outform DER | openssl dgst -sha256 -c`, so an administrator can
    /// check a key by hand. Stable for a given key whatever PEM form it was read from.
    std::string fingerprint() const;

    /// True when both objects hold the same public key (modulus and exponent).
    bool operator==(const RsaPublicKey& other) const;

    /// The underlying key, borrowed: valid while this object or a copy lives. For OpenSSL
    /// calls only; it must not be modified.
    EVP_PKEY* get() const noexcept { return key_.get(); }

private:
    explicit RsaPublicKey(std::shared_ptr<EVP_PKEY> key);

    std::shared_ptr<EVP_PKEY> key_;
    int bits_ = 0;
    std::size_t modulusBytes_ = 0;

    friend class RsaPrivateKey;
};

/// An RSA private key: its holder opens raw packets sealed for publicKey().
class RsaPrivateKey
{
public:
    /// Generates a new key pair with public exponent 65537 (the PyCryptodome and OpenSSL
    /// default). `bits` must be accepted by isAcceptedRsaBits(); throws std::invalid_argument
    /// otherwise and std::runtime_error when OpenSSL fails. Slow and variable: about 0.2 s for
    /// 2048 bits and 1-3 s for 4096 bits on one current core.
    static RsaPrivateKey generate(int bits);

    /// Parses an unencrypted PEM private key: PKCS#8 ("-----BEGIN PRIVATE KEY-----") or
    /// traditional PKCS#1 ("-----BEGIN RSA PRIVATE KEY-----", what PyCryptodome's
    /// `exportKey()` writes). A passphrase-protected key is refused rather than prompting.
    /// Throws ProtocolError(kBadField) when the PEM does not decode, is not RSA or its size is
    /// not accepted (isAcceptedRsaBits()).
    static RsaPrivateKey fromPem(std::string_view pem);

    /// The key as unencrypted PKCS#8 PEM ("-----BEGIN PRIVATE KEY-----"). Secret: the caller
    /// decides where it may go (keys::loadOrCreateKeyPair() writes it with mode 0600).
    std::string pem() const;

    /// The matching public key, computed once at construction (copying it is cheap).
    const RsaPublicKey& publicKey() const noexcept { return public_; }

    /// Modulus size in bits (2048, 3072 or 4096).
    int bits() const noexcept { return public_.bits(); }
    /// Modulus size in bytes (k of RFC 8017): the length of every ciphertext block.
    std::size_t modulusBytes() const noexcept { return public_.modulusBytes(); }

    /// The underlying key, borrowed: valid while this object or a copy lives. For OpenSSL
    /// calls only; it must not be modified.
    EVP_PKEY* get() const noexcept { return key_.get(); }

private:
    explicit RsaPrivateKey(std::shared_ptr<EVP_PKEY> key);

    std::shared_ptr<EVP_PKEY> key_;
    RsaPublicKey public_;
};

} // namespace ringdesk::protocol
