#include "protocol/rsa_key.h"

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

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <optional>
#include <stdexcept>
#include <system_error>
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

/// Everything written to a memory BIO, as a string.
std::string bioText(BIO* bio)
{
    char* data = nullptr;
    const long size = BIO_get_mem_data(bio, &data);
    if (size <= 0 || data == nullptr)
        throw std::runtime_error("PEM encoding produced no output");
    return std::string(data, static_cast<std::size_t>(size));
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

/// Hex digits of `bytes`, lowercase, ':' between bytes.
std::string colonHex(const unsigned char* bytes, std::size_t size)
{
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string text;
    text.reserve(size * 3);
    for (std::size_t i = 0; i < size; ++i) {
        if (i != 0)
            text.push_back(':');
        text.push_back(kDigits[bytes[i] >> 4]);
        text.push_back(kDigits[bytes[i] & 0x0f]);
    }
    return text;
}

// ---- Files (loadOrCreateKeyPair) ----------------------------------------------------------

/// Key files are a few KiB; anything much larger is not a key file.
constexpr std::size_t kMaxKeyFileBytes = 64 * 1024;

[[noreturn]] void throwFileError(const std::string& path, const char* what, int error)
{
    throw std::system_error(error, std::generic_category(), path + ": " + what);
}

/// Closes a file descriptor when it goes out of scope.
class FileDescriptor
{
public:
    explicit FileDescriptor(int fd) : fd_(fd) {}
    FileDescriptor(const FileDescriptor&) = delete;
    FileDescriptor& operator=(const FileDescriptor&) = delete;
    ~FileDescriptor()
    {
        if (fd_ >= 0)
            ::close(fd_);
    }
    int get() const { return fd_; }
    /// Closes now and reports close()'s result (a late write error can surface here).
    int close()
    {
        const int result = ::close(fd_);
        fd_ = -1;
        return result;
    }

private:
    int fd_;
};

/// The file's contents, or nullopt when it does not exist.
std::optional<std::string> readFileIfExists(const std::string& path)
{
    FileDescriptor fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
    if (fd.get() < 0) {
        if (errno == ENOENT)
            return std::nullopt;
        throwFileError(path, "cannot open", errno);
    }
    // Reserve up front: growing the string would leave copies of a private key in freed memory.
    struct stat info = {};
    if (::fstat(fd.get(), &info) != 0)
        throwFileError(path, "cannot stat", errno);
    if (info.st_size > static_cast<off_t>(kMaxKeyFileBytes))
        throw std::runtime_error(path + ": larger than " + std::to_string(kMaxKeyFileBytes) +
                                 " bytes, not a key file");
    std::string text;
    text.reserve(kMaxKeyFileBytes + 1);
    char buffer[4096];
    for (;;) {
        const ssize_t got = ::read(fd.get(), buffer, sizeof buffer);
        if (got < 0) {
            if (errno == EINTR)
                continue;
            throwFileError(path, "cannot read", errno);
        }
        if (got == 0)
            break;
        text.append(buffer, static_cast<std::size_t>(got));
        if (text.size() > kMaxKeyFileBytes)
            throw std::runtime_error(path + ": larger than " + std::to_string(kMaxKeyFileBytes) +
                                     " bytes, not a key file");
    }
    OPENSSL_cleanse(buffer, sizeof buffer);
    return text;
}

/// Deletes a temporary file when it goes out of scope, unless released (renamed into place).
class TemporaryFile
{
public:
    explicit TemporaryFile(std::string path) : path_(std::move(path)) {}
    TemporaryFile(const TemporaryFile&) = delete;
    TemporaryFile& operator=(const TemporaryFile&) = delete;
    ~TemporaryFile()
    {
        if (!path_.empty())
            ::unlink(path_.c_str());
    }
    const std::string& path() const { return path_; }
    void release() { path_.clear(); }

private:
    std::string path_;
};

/// Makes a rename or link in `path`'s directory durable. Best effort on purpose: some file
/// systems refuse fsync on a directory, and the file itself is already complete either way.
void syncParentDirectory(const std::string& path)
{
    const std::size_t slash = path.rfind('/');
    const std::string directory =
        slash == std::string::npos ? "." : (slash == 0 ? "/" : path.substr(0, slash));
    const int fd = ::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        (void)::fsync(fd);
        ::close(fd);
    }
}

enum class IfExists { Replace, Keep };

/// Writes `data` to `path` with `mode` so that readers see either the old state or the whole
/// new file: a temporary file beside it, fsync, then rename (Replace) or link (Keep: fails
/// when `path` exists, so the first writer wins). Returns false when Keep found `path` taken.
/// File systems without hard links fall back to rename.
bool writeFileAtomically(const std::string& path, std::string_view data, mode_t mode,
                         IfExists ifExists)
{
    std::string pattern = path + ".tmp-XXXXXX";
    const int rawFd = ::mkostemp(pattern.data(), O_CLOEXEC); // created with mode 0600
    if (rawFd < 0)
        throwFileError(path, "cannot create a temporary file beside", errno);
    FileDescriptor fd(rawFd);
    TemporaryFile temporary(pattern);

    if (::fchmod(fd.get(), mode) != 0)
        throwFileError(temporary.path(), "cannot set the mode of", errno);
    std::size_t written = 0;
    while (written < data.size()) {
        const ssize_t put = ::write(fd.get(), data.data() + written, data.size() - written);
        if (put < 0) {
            if (errno == EINTR)
                continue;
            throwFileError(temporary.path(), "cannot write", errno);
        }
        written += static_cast<std::size_t>(put);
    }
    if (::fsync(fd.get()) != 0)
        throwFileError(temporary.path(), "cannot sync", errno);
    if (fd.close() != 0)
        throwFileError(temporary.path(), "cannot close", errno);

    bool placed = true;
    if (ifExists == IfExists::Keep) {
        if (::link(temporary.path().c_str(), path.c_str()) != 0) {
            const int error = errno;
            if (error == EEXIST)
                placed = false;
            else if (error == EPERM || error == EOPNOTSUPP || error == ENOSYS) {
                if (::rename(temporary.path().c_str(), path.c_str()) != 0)
                    throwFileError(path, "cannot rename a temporary file to", errno);
                temporary.release();
            } else {
                throwFileError(path, "cannot link a temporary file to", error);
            }
        }
    } else {
        if (::rename(temporary.path().c_str(), path.c_str()) != 0)
            throwFileError(path, "cannot rename a temporary file to", errno);
        temporary.release();
    }
    if (placed)
        syncParentDirectory(path);
    return placed; // after link(), ~TemporaryFile removes the temporary name
}

RsaPrivateKey privateKeyFromFile(const std::string& path, std::string text)
{
    try {
        RsaPrivateKey key = RsaPrivateKey::fromPem(text);
        OPENSSL_cleanse(text.data(), text.size());
        return key;
    } catch (const ProtocolError& e) {
        OPENSSL_cleanse(text.data(), text.size());
        throw std::runtime_error(path + ": " + e.what());
    }
}

RsaPublicKey publicKeyFromFile(const std::string& path, const std::string& text)
{
    try {
        return RsaPublicKey::fromPem(text);
    } catch (const ProtocolError& e) {
        throw std::runtime_error(path + ": " + e.what());
    }
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
    return bioText(bio.get());
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
    return "SHA256:" + colonHex(digest, digestSize);
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
    return bioText(bio.get());
}

// ---- Key files ----------------------------------------------------------------------------

RsaPrivateKey loadOrCreateKeyPair(const std::string& privatePemPath,
                                  const std::string& publicPemPath, int bits)
{
    std::optional<std::string> privateText = readFileIfExists(privatePemPath);
    if (!privateText) {
        const RsaPrivateKey fresh = RsaPrivateKey::generate(bits);
        std::string pem = fresh.pem();
        const bool placed = writeFileAtomically(privatePemPath, pem, 0600, IfExists::Keep);
        OPENSSL_cleanse(pem.data(), pem.size());
        if (placed) {
            writeFileAtomically(publicPemPath, fresh.publicKey().pem(), 0644, IfExists::Replace);
            return fresh;
        }
        // Another process created the key file between our read and our link: use its key.
        privateText = readFileIfExists(privatePemPath);
        if (!privateText)
            throw std::runtime_error(privatePemPath + ": appeared and vanished while creating it");
    }
    RsaPrivateKey key = privateKeyFromFile(privatePemPath, std::move(*privateText));

    if (const std::optional<std::string> publicText = readFileIfExists(publicPemPath)) {
        if (!(publicKeyFromFile(publicPemPath, *publicText) == key.publicKey()))
            throw std::runtime_error(publicPemPath + ": does not hold the public key of " +
                                     privatePemPath);
    } else {
        writeFileAtomically(publicPemPath, key.publicKey().pem(), 0644, IfExists::Replace);
    }
    return key;
}

} // namespace ringdesk::protocol
