#pragma once
// Keys, texts and file helpers shared by the RSA key and raw packet tests. Generating keys is
// slow, so each size is made once per test run.

#include "protocol/limits.h"
#include "protocol/protocol_error.h"
#include "protocol/raw_packet.h"
#include "protocol/rsa_key.h"

#include <cppunit/extensions/HelperMacros.h>

#include <openssl/encoder.h>
#include <openssl/evp.h>
#include <openssl/pem.h>

#include <sys/stat.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>


namespace ringdesk::protocol::test_support {

// Generating keys is slow (4096 bits: about a second), so each size is made once per run.
inline const RsaPrivateKey& key2048()
{
    static const RsaPrivateKey key = RsaPrivateKey::generate(2048);
    return key;
}

inline const RsaPrivateKey& otherKey2048()
{
    static const RsaPrivateKey key = RsaPrivateKey::generate(2048);
    return key;
}

inline const RsaPrivateKey& key4096()
{
    static const RsaPrivateKey key = RsaPrivateKey::generate(4096);
    return key;
}

// A fixed public key; its fingerprint was computed independently with
// `openssl pkey -pubin -outform DER | openssl dgst -sha256 -c`.
constexpr const char* kFixedPublicPem =
    "-----BEGIN PUBLIC KEY-----\n"
    "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAurfkCby8gmA5YTateICI\n"
    "yU8vKHJ3kmwlO+nvgdUKRbwT8W9f1vyNpdafxwEn5NM3mdNtyX7Ry1tfAf3SKVVG\n"
    "l1o0mKWbdRbgE0a33kcbfn3bGAopZvrU7YgeIH8+xCAQ3LcBL1ZDqD4dReH8rCe0\n"
    "NPMLIlfmMbsZ5gOD+9qhs/cN5KbqBZgTgsUr5Vvuuk8eEVQe8geHqxxLsDhYHdJp\n"
    "vt8CJVNpNMSu3kqNAsRoOTxrleu0q2YDiE8R+uoUF+GrK3FaNjRr32h5tmtf1TF6\n"
    "rb+r6efPMSh3j4oAcWCAUKuwgzVHjkarMBtQbjgpfIU5XTNccmosqKzpB6d3Depb\n"
    "BwIDAQAB\n"
    "-----END PUBLIC KEY-----\n";
constexpr const char* kFixedFingerprint =
    "SHA256:fc:6e:63:f0:6f:5d:ca:57:81:3c:6f:fc:7f:45:20:54:6d:03:48:19:e1:49:e1:e0:cc:bd:54:"
    "cc:57:48:93:fe";

/// Runs `action` and checks that it throws ProtocolError with `code`.
inline void assertProtocolError(const std::string& code, const std::function<void()>& action,
                         const CppUnit::SourceLine& line)
{
    try {
        action();
    } catch (const ProtocolError& e) {
        CppUnit::assertEquals(code, e.code(), line, std::string("message: ") + e.what());
        return;
    }
    CppUnit::Asserter::fail("expected ProtocolError " + code, line);
}
#define ASSERT_PROTOCOL_ERROR(code, statement)                                                     \
    assertProtocolError((code), [&] { statement; }, CPPUNIT_SOURCELINE())

struct PkeyDeleter
{
    void operator()(EVP_PKEY* key) const { EVP_PKEY_free(key); }
};
using PkeyPtr = std::unique_ptr<EVP_PKEY, PkeyDeleter>;

/// `key` in PEM with the given selection and structure (e.g. "type-specific" gives the
/// traditional "RSA PUBLIC KEY" / "RSA PRIVATE KEY" forms).
inline std::string encodePem(EVP_PKEY* key, int selection, const char* structure)
{
    OSSL_ENCODER_CTX* ctx =
        OSSL_ENCODER_CTX_new_for_pkey(key, selection, "PEM", structure, nullptr);
    CPPUNIT_ASSERT(ctx != nullptr);
    unsigned char* data = nullptr;
    std::size_t size = 0;
    const int ok = OSSL_ENCODER_to_data(ctx, &data, &size);
    OSSL_ENCODER_CTX_free(ctx);
    CPPUNIT_ASSERT_EQUAL(1, ok);
    std::string text(reinterpret_cast<char*>(data), size);
    OPENSSL_free(data);
    return text;
}

inline std::string publicPemOf(EVP_PKEY* key)
{
    BIO* bio = BIO_new(BIO_s_mem());
    CPPUNIT_ASSERT_EQUAL(1, PEM_write_bio_PUBKEY(bio, key));
    char* data = nullptr;
    const long size = BIO_get_mem_data(bio, &data);
    std::string text(data, static_cast<std::size_t>(size));
    BIO_free(bio);
    return text;
}

/// `count` bytes of printable ASCII that differ from byte to byte.
inline std::string asciiText(std::size_t count)
{
    std::string text;
    text.reserve(count);
    for (std::size_t i = 0; i < count; ++i)
        text.push_back(static_cast<char>('!' + i % 90));
    return text;
}

/// Non-ASCII text (2-, 3- and 4-byte UTF-8 sequences) three blocks long, with a multibyte
/// character straddling the first block boundary (`boundary` bytes, 214 for 2048-bit keys).
inline std::string multibyteAcrossBoundary(std::size_t boundary)
{
    const std::string unit = "Grüße, 東京 ✓ 🙂 ";
    for (std::size_t pad = 0; pad < 8; ++pad) {
        std::string text(pad, 'x');
        while (text.size() < 3 * boundary)
            text += unit;
        const auto byte = static_cast<unsigned char>(text[boundary]);
        if ((byte & 0xc0) == 0x80) // a continuation byte: the boundary splits a character
            return text;
    }
    CPPUNIT_FAIL("no padding puts a character across the block boundary");
    return {};
}

inline std::string base64Flip(const std::string& block)
{
    // Flip one bit of one ciphertext byte by changing a base64 digit in the middle.
    std::string flipped = block;
    char& digit = flipped[flipped.size() / 2];
    digit = digit == 'A' ? 'B' : 'A';
    return flipped;
}

class TemporaryDirectory
{
public:
    TemporaryDirectory()
    {
        std::string pattern =
            (std::filesystem::temp_directory_path() / "ringdesk-rsa-test-XXXXXX").string();
        CPPUNIT_ASSERT(::mkdtemp(pattern.data()) != nullptr);
        path_ = pattern;
    }
    ~TemporaryDirectory()
    {
        std::error_code ignored; // cleaning up a test directory must not hide the test result
        std::filesystem::remove_all(path_, ignored);
    }
    std::string file(const std::string& name) const { return (path_ / name).string(); }
    std::size_t entries() const
    {
        return static_cast<std::size_t>(std::distance(std::filesystem::directory_iterator(path_),
                                                      std::filesystem::directory_iterator()));
    }

private:
    std::filesystem::path path_;
};

inline std::string readFile(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    CPPUNIT_ASSERT_MESSAGE("cannot read " + path, in.good());
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

inline void writeFile(const std::string& path, const std::string& text)
{
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << text;
    CPPUNIT_ASSERT_MESSAGE("cannot write " + path, out.good());
}

inline unsigned permissions(const std::string& path)
{
    struct stat info = {};
    CPPUNIT_ASSERT_EQUAL(0, ::stat(path.c_str(), &info));
    return info.st_mode & 07777u;
}

} // namespace ringdesk::protocol::test_support
