// Tests of the RSA keys (protocol/rsa_key.h) and the NL chat raw packet
// (protocol/raw_packet.h; specs/nlchat-protocol.txt, section 1.2). Round trips without
// sockets; interop with PyCryptodome is in rsa_interop_test.cpp.

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

using namespace ringdesk::protocol;

namespace {

// Generating keys is slow (4096 bits: about a second), so each size is made once per run.
const RsaPrivateKey& key2048()
{
    static const RsaPrivateKey key = RsaPrivateKey::generate(2048);
    return key;
}

const RsaPrivateKey& otherKey2048()
{
    static const RsaPrivateKey key = RsaPrivateKey::generate(2048);
    return key;
}

const RsaPrivateKey& key4096()
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
void assertProtocolError(const std::string& code, const std::function<void()>& action,
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
std::string encodePem(EVP_PKEY* key, int selection, const char* structure)
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

std::string publicPemOf(EVP_PKEY* key)
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
std::string asciiText(std::size_t count)
{
    std::string text;
    text.reserve(count);
    for (std::size_t i = 0; i < count; ++i)
        text.push_back(static_cast<char>('!' + i % 90));
    return text;
}

/// Non-ASCII text (2-, 3- and 4-byte UTF-8 sequences) three blocks long, with a multibyte
/// character straddling the first block boundary (`boundary` bytes, 214 for 2048-bit keys).
std::string multibyteAcrossBoundary(std::size_t boundary)
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

std::string base64Flip(const std::string& block)
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

std::string readFile(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

void writeFile(const std::string& path, const std::string& text)
{
    std::ofstream(path, std::ios::binary | std::ios::trunc) << text;
}

unsigned permissions(const std::string& path)
{
    struct stat info = {};
    CPPUNIT_ASSERT_EQUAL(0, ::stat(path.c_str(), &info));
    return info.st_mode & 07777u;
}

} // namespace

// ---- RsaKeyTest ---------------------------------------------------------------------------

class RsaKeyTest : public CppUnit::TestFixture
{
    CPPUNIT_TEST_SUITE(RsaKeyTest);
    CPPUNIT_TEST(testSizes2048);
    CPPUNIT_TEST(testSizes4096);
    CPPUNIT_TEST(testGenerateRefusesOtherSizes);
    CPPUNIT_TEST(testPublicPemRoundTrip);
    CPPUNIT_TEST(testPkcs1PublicPemAccepted);
    CPPUNIT_TEST(testPrivatePemRoundTrip);
    CPPUNIT_TEST(testTraditionalPrivatePemAccepted);
    CPPUNIT_TEST(testPublicPemRefusals);
    CPPUNIT_TEST(testPrivatePemRefusals);
    CPPUNIT_TEST(testFingerprintStable);
    CPPUNIT_TEST(testCopiesShareTheKey);
    CPPUNIT_TEST(testLoadOrCreateKeyPair);
    CPPUNIT_TEST(testLoadOrCreateRecreatesPublicFile);
    CPPUNIT_TEST(testLoadOrCreateRefusesCorruptFiles);
    CPPUNIT_TEST_SUITE_END();

public:
    void testSizes2048()
    {
        const RsaPublicKey& key = key2048().publicKey();
        CPPUNIT_ASSERT_EQUAL(2048, key.bits());
        CPPUNIT_ASSERT_EQUAL(2048, key2048().bits());
        CPPUNIT_ASSERT_EQUAL(std::size_t{256}, key.modulusBytes());
        // The spec's "214 byte blocks" (nlchat-protocol.txt 1.2).
        CPPUNIT_ASSERT_EQUAL(std::size_t{214}, key.maxPlaintextBlockBytes());
    }

    void testSizes4096()
    {
        const RsaPublicKey& key = key4096().publicKey();
        CPPUNIT_ASSERT_EQUAL(4096, key.bits());
        CPPUNIT_ASSERT_EQUAL(std::size_t{512}, key.modulusBytes());
        CPPUNIT_ASSERT_EQUAL(std::size_t{470}, key.maxPlaintextBlockBytes());
    }

    void testGenerateRefusesOtherSizes()
    {
        CPPUNIT_ASSERT_THROW(RsaPrivateKey::generate(1024), std::invalid_argument);
        CPPUNIT_ASSERT_THROW(RsaPrivateKey::generate(2047), std::invalid_argument);
        CPPUNIT_ASSERT_THROW(RsaPrivateKey::generate(8192), std::invalid_argument);
        CPPUNIT_ASSERT(isAcceptedRsaBits(3072));
    }

    void testPublicPemRoundTrip()
    {
        const RsaPublicKey& key = key2048().publicKey();
        const std::string pem = key.pem();
        CPPUNIT_ASSERT_EQUAL(0, pem.compare(0, 27, "-----BEGIN PUBLIC KEY-----\n"));
        const RsaPublicKey back = RsaPublicKey::fromPem(pem);
        CPPUNIT_ASSERT(back == key);
        CPPUNIT_ASSERT(!(back == otherKey2048().publicKey()));
        CPPUNIT_ASSERT_EQUAL(pem, back.pem());
        // Text around the PEM block (a file's comment, a trailing newline) is ignored.
        CPPUNIT_ASSERT(RsaPublicKey::fromPem("operator key:\n" + pem + "\n") == key);
    }

    void testPkcs1PublicPemAccepted()
    {
        const RsaPublicKey& key = key2048().publicKey();
        const std::string pkcs1 = encodePem(key.get(), EVP_PKEY_PUBLIC_KEY, "type-specific");
        CPPUNIT_ASSERT_EQUAL(0, pkcs1.compare(0, 30, "-----BEGIN RSA PUBLIC KEY-----"));
        const RsaPublicKey back = RsaPublicKey::fromPem(pkcs1);
        CPPUNIT_ASSERT(back == key);
        CPPUNIT_ASSERT_EQUAL(key.pem(), back.pem()); // always written as SubjectPublicKeyInfo
    }

    void testPrivatePemRoundTrip()
    {
        const std::string pem = key2048().pem();
        CPPUNIT_ASSERT_EQUAL(0, pem.compare(0, 28, "-----BEGIN PRIVATE KEY-----\n"));
        const RsaPrivateKey back = RsaPrivateKey::fromPem(pem);
        CPPUNIT_ASSERT(back.publicKey() == key2048().publicKey());
        CPPUNIT_ASSERT_EQUAL(2048, back.bits());
        const RawEnvelope sealed = sealRawPacket("hello", key2048().publicKey(), "u", kServerName);
        CPPUNIT_ASSERT_EQUAL(std::string("hello"), openRawPacket(sealed, back, kServerName));
    }

    void testTraditionalPrivatePemAccepted()
    {
        // PyCryptodome's export_key() writes "-----BEGIN RSA PRIVATE KEY-----".
        const std::string pkcs1 = encodePem(key2048().get(), EVP_PKEY_KEYPAIR, "type-specific");
        CPPUNIT_ASSERT_EQUAL(0, pkcs1.compare(0, 31, "-----BEGIN RSA PRIVATE KEY-----"));
        CPPUNIT_ASSERT(RsaPrivateKey::fromPem(pkcs1).publicKey() == key2048().publicKey());
    }

    void testPublicPemRefusals()
    {
        using namespace error_code;
        ASSERT_PROTOCOL_ERROR(kBadField, RsaPublicKey::fromPem(""));
        ASSERT_PROTOCOL_ERROR(kBadField, RsaPublicKey::fromPem("not a key"));
        ASSERT_PROTOCOL_ERROR(kBadField, RsaPublicKey::fromPem("-----BEGIN PUBLIC KEY-----\n"
                                                               "bm90IGEga2V5\n"
                                                               "-----END PUBLIC KEY-----\n"));
        std::string truncated = key2048().publicKey().pem();
        truncated.erase(100, 60);
        ASSERT_PROTOCOL_ERROR(kBadField, RsaPublicKey::fromPem(truncated));
        // A private key where a public one belongs is refused, not silently accepted.
        ASSERT_PROTOCOL_ERROR(kBadField, RsaPublicKey::fromPem(key2048().pem()));
        ASSERT_PROTOCOL_ERROR(
            kTooLarge, RsaPublicKey::fromPem(std::string(limits::kMaxPublicKeyPemBytes + 1, 'A')));

        PkeyPtr small(EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", std::size_t{1024}));
        CPPUNIT_ASSERT(small != nullptr);
        ASSERT_PROTOCOL_ERROR(kBadField, RsaPublicKey::fromPem(publicPemOf(small.get())));

        PkeyPtr ec(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"));
        CPPUNIT_ASSERT(ec != nullptr);
        ASSERT_PROTOCOL_ERROR(kBadField, RsaPublicKey::fromPem(publicPemOf(ec.get())));
    }

    void testPrivatePemRefusals()
    {
        using namespace error_code;
        ASSERT_PROTOCOL_ERROR(kBadField, RsaPrivateKey::fromPem(""));
        ASSERT_PROTOCOL_ERROR(kBadField, RsaPrivateKey::fromPem(key2048().publicKey().pem()));

        // An encrypted key fails at once instead of prompting for a passphrase.
        BIO* bio = BIO_new(BIO_s_mem());
        char passphrase[] = "secret";
        CPPUNIT_ASSERT_EQUAL(1,
                             PEM_write_bio_PKCS8PrivateKey(bio, key2048().get(), EVP_aes_256_cbc(),
                                                           passphrase, 6, nullptr, nullptr));
        char* data = nullptr;
        const long size = BIO_get_mem_data(bio, &data);
        const std::string encrypted(data, static_cast<std::size_t>(size));
        BIO_free(bio);
        CPPUNIT_ASSERT(encrypted.find("ENCRYPTED PRIVATE KEY") != std::string::npos);
        ASSERT_PROTOCOL_ERROR(kBadField, RsaPrivateKey::fromPem(encrypted));

        PkeyPtr small(EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", std::size_t{1024}));
        CPPUNIT_ASSERT(small != nullptr);
        ASSERT_PROTOCOL_ERROR(kBadField, RsaPrivateKey::fromPem(encodePem(
                                             small.get(), EVP_PKEY_KEYPAIR, "PrivateKeyInfo")));
    }

    void testFingerprintStable()
    {
        const RsaPublicKey fixed = RsaPublicKey::fromPem(kFixedPublicPem);
        CPPUNIT_ASSERT_EQUAL(std::string(kFixedFingerprint), fixed.fingerprint());
        CPPUNIT_ASSERT_EQUAL(std::size_t{7 + 32 * 3 - 1}, fixed.fingerprint().size());
        // The same whatever form the key was read from.
        const std::string pkcs1 = encodePem(fixed.get(), EVP_PKEY_PUBLIC_KEY, "type-specific");
        CPPUNIT_ASSERT_EQUAL(fixed.fingerprint(), RsaPublicKey::fromPem(pkcs1).fingerprint());

        const RsaPublicKey& key = key2048().publicKey();
        CPPUNIT_ASSERT_EQUAL(key.fingerprint(), RsaPublicKey::fromPem(key.pem()).fingerprint());
        CPPUNIT_ASSERT_EQUAL(key.fingerprint(),
                             RsaPrivateKey::fromPem(key2048().pem()).publicKey().fingerprint());
        CPPUNIT_ASSERT(key.fingerprint() != otherKey2048().publicKey().fingerprint());
    }

    void testCopiesShareTheKey()
    {
        const RsaPrivateKey copy = key2048();
        CPPUNIT_ASSERT(copy.get() == key2048().get());
        const RsaPublicKey publicCopy = copy.publicKey();
        CPPUNIT_ASSERT(publicCopy.get() == key2048().publicKey().get());
        // The public half is a separate key object without the private parts.
        CPPUNIT_ASSERT(publicCopy.get() != copy.get());
    }

    void testLoadOrCreateKeyPair()
    {
        const TemporaryDirectory directory;
        const std::string privatePath = directory.file("server.key");
        const std::string publicPath = directory.file("server.pub");

        const RsaPrivateKey created = loadOrCreateKeyPair(privatePath, publicPath, 2048);
        CPPUNIT_ASSERT_EQUAL(2048, created.bits());
        CPPUNIT_ASSERT_EQUAL(0600u, permissions(privatePath));
        CPPUNIT_ASSERT_EQUAL(0644u, permissions(publicPath));
        CPPUNIT_ASSERT_EQUAL(std::size_t{2}, directory.entries()); // no temporary files left
        CPPUNIT_ASSERT_EQUAL(created.pem(), readFile(privatePath));
        CPPUNIT_ASSERT_EQUAL(created.publicKey().pem(), readFile(publicPath));

        // `bits` only matters for generation: the existing key is loaded, whatever its size.
        const RsaPrivateKey loaded = loadOrCreateKeyPair(privatePath, publicPath, 4096);
        CPPUNIT_ASSERT(loaded.publicKey() == created.publicKey());
        CPPUNIT_ASSERT_EQUAL(created.publicKey().fingerprint(), loaded.publicKey().fingerprint());
        CPPUNIT_ASSERT_EQUAL(0600u, permissions(privatePath));
    }

    void testLoadOrCreateRecreatesPublicFile()
    {
        const TemporaryDirectory directory;
        const std::string privatePath = directory.file("server.key");
        const std::string publicPath = directory.file("server.pub");
        writeFile(privatePath, key2048().pem());
        const RsaPrivateKey loaded = loadOrCreateKeyPair(privatePath, publicPath, 2048);
        CPPUNIT_ASSERT(loaded.publicKey() == key2048().publicKey());
        CPPUNIT_ASSERT_EQUAL(key2048().publicKey().pem(), readFile(publicPath));

        // A stale public file beside a missing private key is replaced with the new pair's.
        std::filesystem::remove(privatePath);
        writeFile(publicPath, otherKey2048().publicKey().pem());
        const RsaPrivateKey fresh = loadOrCreateKeyPair(privatePath, publicPath, 2048);
        CPPUNIT_ASSERT_EQUAL(fresh.publicKey().pem(), readFile(publicPath));
        CPPUNIT_ASSERT(!(fresh.publicKey() == key2048().publicKey()));
    }

    void testLoadOrCreateRefusesCorruptFiles()
    {
        const TemporaryDirectory directory;
        const std::string privatePath = directory.file("server.key");
        const std::string publicPath = directory.file("server.pub");

        writeFile(privatePath, "-----BEGIN PRIVATE KEY-----\ngarbage\n-----END PRIVATE KEY-----\n");
        assertRuntimeErrorNames(privatePath,
                                [&] { loadOrCreateKeyPair(privatePath, publicPath, 2048); });

        writeFile(privatePath, key2048().pem());
        writeFile(publicPath, "corrupt");
        assertRuntimeErrorNames(publicPath,
                                [&] { loadOrCreateKeyPair(privatePath, publicPath, 2048); });

        // A public file of another key is a configuration mistake, not something to overwrite.
        writeFile(publicPath, otherKey2048().publicKey().pem());
        assertRuntimeErrorNames(publicPath,
                                [&] { loadOrCreateKeyPair(privatePath, publicPath, 2048); });
        CPPUNIT_ASSERT_EQUAL(otherKey2048().publicKey().pem(), readFile(publicPath));

        // An unreadable path (here a directory) is an error too, never a reason to generate.
        const std::string directoryPath = directory.file("subdirectory");
        std::filesystem::create_directory(directoryPath);
        assertRuntimeErrorNames(directoryPath,
                                [&] { loadOrCreateKeyPair(directoryPath, publicPath, 2048); });
    }

private:
    static void assertRuntimeErrorNames(const std::string& path,
                                        const std::function<void()>& action)
    {
        try {
            action();
        } catch (const std::runtime_error& e) {
            CPPUNIT_ASSERT_MESSAGE(e.what(), std::string(e.what()).find(path) != std::string::npos);
            return;
        }
        CPPUNIT_FAIL("expected std::runtime_error naming " + path);
    }
};

// ---- RawPacketTest ------------------------------------------------------------------------

class RawPacketTest : public CppUnit::TestFixture
{
    CPPUNIT_TEST_SUITE(RawPacketTest);
    CPPUNIT_TEST(testRoundTrip2048);
    CPPUNIT_TEST(testRoundTrip4096);
    CPPUNIT_TEST(testMultibyteTextSplitByBytes);
    CPPUNIT_TEST(testEncryptionIsRandomized);
    CPPUNIT_TEST(testEnvelopeJsonRoundTrip);
    CPPUNIT_TEST(testParsesPythonSpacing);
    CPPUNIT_TEST(testWrongRecipientRefused);
    CPPUNIT_TEST(testCorruptBase64Refused);
    CPPUNIT_TEST(testFlippedCiphertextRefused);
    CPPUNIT_TEST(testBlockForAnotherKeyRefused);
    CPPUNIT_TEST(testTooManyBlocksRefused);
    CPPUNIT_TEST(testMalformedEnvelopeRefused);
    CPPUNIT_TEST(testLooksLikeRawEnvelope);
    CPPUNIT_TEST(testConcurrentOpen);
    CPPUNIT_TEST_SUITE_END();

public:
    void testRoundTrip2048() { roundTrips(key2048(), {0, 1, 214, 215, 10000}, {1, 1, 1, 2, 47}); }

    void testRoundTrip4096() { roundTrips(key4096(), {0, 1, 470, 471, 10000}, {1, 1, 1, 2, 22}); }

    void testMultibyteTextSplitByBytes()
    {
        for (const RsaPrivateKey* key : {&key2048(), &key4096()}) {
            const std::string text =
                multibyteAcrossBoundary(key->publicKey().maxPlaintextBlockBytes());
            const RawEnvelope sealed = sealRawPacket(text, key->publicKey(), "u", kClientName);
            CPPUNIT_ASSERT(sealed.messages.size() >= 3);
            CPPUNIT_ASSERT_EQUAL(text, openRawPacket(sealed, *key, kClientName));
        }
    }

    void testEncryptionIsRandomized()
    {
        const RawEnvelope first = sealRawPacket("same", key2048().publicKey(), "u", kServerName);
        const RawEnvelope second = sealRawPacket("same", key2048().publicKey(), "u", kServerName);
        CPPUNIT_ASSERT(first.messages != second.messages);
    }

    void testEnvelopeJsonRoundTrip()
    {
        const RawEnvelope sealed =
            sealRawPacket(asciiText(500), key2048().publicKey(), "uuid-\"1\"-ü", kServerName);
        const std::string json = serializeRawEnvelope(sealed);
        CPPUNIT_ASSERT_EQUAL(std::string::npos, json.find('\n'));
        CPPUNIT_ASSERT_EQUAL(0, json.compare(0, 14, "{\"messages\":[\""));
        CPPUNIT_ASSERT(json.find("\"to\":\"alice\"") != std::string::npos);
        CPPUNIT_ASSERT(json.find("\\/") == std::string::npos); // base64 '/' is not escaped
        const RawEnvelope parsed = parseRawEnvelope(json);
        CPPUNIT_ASSERT(parsed == sealed);
        CPPUNIT_ASSERT(looksLikeRawEnvelope(json));
        CPPUNIT_ASSERT_EQUAL(asciiText(500), openRawPacket(parsed, key2048(), kServerName));
    }

    void testParsesPythonSpacing()
    {
        // json.dumps() in the original writes ", " and ": " separators; extra keys are ignored.
        const RawEnvelope parsed =
            parseRawEnvelope("{\"messages\": [\"QQ==\", \"Qg==\"], \"UUID\": \"c0ffee\", \"to\": "
                             "\"bob\", \"x\": 1}");
        CPPUNIT_ASSERT_EQUAL(std::size_t{2}, parsed.messages.size());
        CPPUNIT_ASSERT_EQUAL(std::string("Qg=="), parsed.messages[1]);
        CPPUNIT_ASSERT_EQUAL(std::string("c0ffee"), parsed.uuid);
        CPPUNIT_ASSERT_EQUAL(std::string("bob"), parsed.to);
    }

    void testWrongRecipientRefused()
    {
        // The spec's bounce protection (1.2): the server must not open a packet it sent to a
        // client that came back to it.
        const RawEnvelope toClient = sealRawPacket("{}", key2048().publicKey(), "u", kClientName);
        ASSERT_PROTOCOL_ERROR(error_code::kWrongRecipient,
                              openRawPacket(toClient, key2048(), kServerName));
        RawEnvelope toNobody = toClient;
        toNobody.to = "";
        ASSERT_PROTOCOL_ERROR(error_code::kWrongRecipient,
                              openRawPacket(toNobody, key2048(), kClientName));
    }

    void testCorruptBase64Refused()
    {
        const RawEnvelope sealed =
            sealRawPacket(asciiText(300), key2048().publicKey(), "u", kServerName);
        CPPUNIT_ASSERT_EQUAL(std::size_t{344}, sealed.messages[0].size());
        CPPUNIT_ASSERT_EQUAL(asciiText(300), openRawPacket(sealed, key2048(), kServerName));
        const std::vector<std::function<void(std::string&)>> corruptions = {
            [](std::string& b) { b[10] = '*'; },  // not in the alphabet
            [](std::string& b) { b[10] = '='; },  // padding in the middle
            [](std::string& b) { b.pop_back(); }, // too short
            [](std::string& b) { b += "===="; },  // too long
            [](std::string& b) {
                b.insert(0, " ");
                b.pop_back();
            },                                           // whitespace
            [](std::string& b) { b.insert(172, "\n"); }, // line break
            [](std::string& b) { // non-zero trailing bits in "xy==": y must be a multiple of 16
                char& y = b[b.size() - 3];
                y = y == 'R' ? 'S' : 'R';
            },
            [](std::string& b) { b.clear(); }, // empty
            [](std::string& b) {
                std::replace(b.begin(), b.end(), '+', '-');
                b[0] = '-';
            }, // URL alphabet
        };
        for (std::size_t i = 0; i < corruptions.size(); ++i) {
            RawEnvelope broken = sealed;
            corruptions[i](broken.messages[1]);
            CPPUNIT_ASSERT_MESSAGE(std::to_string(i), broken.messages[1] != sealed.messages[1]);
            ASSERT_PROTOCOL_ERROR(error_code::kDecryptFailed,
                                  openRawPacket(broken, key2048(), kServerName));
        }
    }

    void testFlippedCiphertextRefused()
    {
        const RawEnvelope sealed =
            sealRawPacket(asciiText(100), key2048().publicKey(), "u", kServerName);
        CPPUNIT_ASSERT_EQUAL(asciiText(100), openRawPacket(sealed, key2048(), kServerName));
        for (std::size_t position : {std::size_t{0}, std::size_t{170}, std::size_t{340}}) {
            RawEnvelope broken = sealed;
            char& digit = broken.messages[0][position];
            digit = digit == 'A' ? 'B' : 'A'; // changes one bit of one ciphertext byte
            ASSERT_PROTOCOL_ERROR(error_code::kDecryptFailed,
                                  openRawPacket(broken, key2048(), kServerName));
        }
        RawEnvelope broken = sealed;
        broken.messages[0] = base64Flip(broken.messages[0]);
        ASSERT_PROTOCOL_ERROR(error_code::kDecryptFailed,
                              openRawPacket(broken, key2048(), kServerName));
    }

    void testBlockForAnotherKeyRefused()
    {
        const RawEnvelope sealed =
            sealRawPacket("{}", otherKey2048().publicKey(), "u", kServerName);
        ASSERT_PROTOCOL_ERROR(error_code::kDecryptFailed,
                              openRawPacket(sealed, key2048(), kServerName));
        // One good block followed by a block for another key.
        RawEnvelope mixed = sealRawPacket("{}", key2048().publicKey(), "u", kServerName);
        mixed.messages.push_back(sealed.messages[0]);
        ASSERT_PROTOCOL_ERROR(error_code::kDecryptFailed,
                              openRawPacket(mixed, key2048(), kServerName));
        // A 4096-bit key's block for a 2048-bit key (and back) has the wrong length.
        const RawEnvelope big = sealRawPacket("{}", key4096().publicKey(), "u", kServerName);
        ASSERT_PROTOCOL_ERROR(error_code::kDecryptFailed,
                              openRawPacket(big, key2048(), kServerName));
        const RawEnvelope small = sealRawPacket("{}", key2048().publicKey(), "u", kServerName);
        ASSERT_PROTOCOL_ERROR(error_code::kDecryptFailed,
                              openRawPacket(small, key4096(), kServerName));
    }

    void testTooManyBlocksRefused()
    {
        const RsaPublicKey& key = key2048().publicKey();
        const std::size_t most = limits::kMaxRawBlocks * key.maxPlaintextBlockBytes();
        const RawEnvelope full = sealRawPacket(asciiText(most), key, "u", kServerName);
        CPPUNIT_ASSERT_EQUAL(limits::kMaxRawBlocks, full.messages.size());
        CPPUNIT_ASSERT_EQUAL(asciiText(most), openRawPacket(full, key2048(), kServerName));
        ASSERT_PROTOCOL_ERROR(error_code::kTooLarge,
                              sealRawPacket(asciiText(most + 1), key, "u", kServerName));

        RawEnvelope tooMany = full;
        tooMany.messages.push_back(full.messages[0]);
        ASSERT_PROTOCOL_ERROR(error_code::kTooLarge,
                              openRawPacket(tooMany, key2048(), kServerName));
        ASSERT_PROTOCOL_ERROR(error_code::kTooLarge,
                              parseRawEnvelope(serializeRawEnvelope(tooMany)));
        CPPUNIT_ASSERT(parseRawEnvelope(serializeRawEnvelope(full)) == full);
    }

    void testMalformedEnvelopeRefused()
    {
        using namespace error_code;
        ASSERT_PROTOCOL_ERROR(kBadJson, parseRawEnvelope(""));
        ASSERT_PROTOCOL_ERROR(kBadJson, parseRawEnvelope("not json"));
        ASSERT_PROTOCOL_ERROR(kBadJson, parseRawEnvelope("{\"messages\":[\"QQ==\"],"));
        ASSERT_PROTOCOL_ERROR(kBadJson, parseRawEnvelope("[\"messages\"]"));
        ASSERT_PROTOCOL_ERROR(kBadJson, parseRawEnvelope("\"messages\""));
        ASSERT_PROTOCOL_ERROR(kMissingField, parseRawEnvelope("{}"));
        ASSERT_PROTOCOL_ERROR(kMissingField, parseRawEnvelope("{\"UUID\":\"u\",\"to\":\"alice\"}"));
        ASSERT_PROTOCOL_ERROR(
            kMissingField, parseRawEnvelope("{\"messages\":null,\"UUID\":\"u\",\"to\":\"alice\"}"));
        ASSERT_PROTOCOL_ERROR(kMissingField,
                              parseRawEnvelope("{\"messages\":[\"QQ==\"],\"to\":\"alice\"}"));
        ASSERT_PROTOCOL_ERROR(kMissingField,
                              parseRawEnvelope("{\"messages\":[\"QQ==\"],\"UUID\":\"u\"}"));
        ASSERT_PROTOCOL_ERROR(
            kBadField, parseRawEnvelope("{\"messages\":\"QQ==\",\"UUID\":\"u\",\"to\":\"alice\"}"));
        ASSERT_PROTOCOL_ERROR(
            kBadField,
            parseRawEnvelope("{\"messages\":[\"QQ==\",7],\"UUID\":\"u\",\"to\":\"alice\"}"));
        ASSERT_PROTOCOL_ERROR(
            kBadField,
            parseRawEnvelope("{\"messages\":[[\"QQ==\"]],\"UUID\":\"u\",\"to\":\"alice\"}"));
        ASSERT_PROTOCOL_ERROR(
            kBadField, parseRawEnvelope("{\"messages\":[],\"UUID\":\"u\",\"to\":\"alice\"}"));
        ASSERT_PROTOCOL_ERROR(
            kBadField, parseRawEnvelope("{\"messages\":[\"QQ==\"],\"UUID\":5,\"to\":\"alice\"}"));
        ASSERT_PROTOCOL_ERROR(
            kBadField, parseRawEnvelope("{\"messages\":[\"QQ==\"],\"UUID\":\"u\",\"to\":true}"));
        const std::string huge = "{\"messages\":[\"" +
                                 std::string(limits::kMaxOperatorLineBytes, 'A') +
                                 "\"],\"UUID\":\"u\",\"to\":\"alice\"}";
        ASSERT_PROTOCOL_ERROR(kTooLarge, parseRawEnvelope(huge));
        ASSERT_PROTOCOL_ERROR(kBadJson, parseRawEnvelope(std::string(60000, '[')));
        // An envelope built by hand with no blocks is refused by openRawPacket as well.
        const RawEnvelope empty{{}, "u", kServerName};
        ASSERT_PROTOCOL_ERROR(kBadField, openRawPacket(empty, key2048(), kServerName));
    }

    void testLooksLikeRawEnvelope()
    {
        CPPUNIT_ASSERT(
            looksLikeRawEnvelope("{\"messages\":[\"QQ==\"],\"UUID\":\"u\",\"to\":\"alice\"}"));
        CPPUNIT_ASSERT(
            looksLikeRawEnvelope(" { \"UUID\" : \"u\", \"to\": \"bob\", \"messages\" : [ ] } "));
        CPPUNIT_ASSERT(looksLikeRawEnvelope(
            "{\"n\":{\"type\":\"x\"},\"a\":[1,{\"b\":\"]}\"}],\"messages\":[]}"));
        CPPUNIT_ASSERT(
            looksLikeRawEnvelope("{\"UUID\":\"a \\\"quoted\\\" \\\\\",\"messages\":[\"QQ==\"]}"));

        // Plain packets (nlchat-protocol.txt 1.1), even ones whose text mentions "messages".
        CPPUNIT_ASSERT(!looksLikeRawEnvelope("{\"type\":\"probe\"}"));
        CPPUNIT_ASSERT(!looksLikeRawEnvelope("{\"type\":\"msg\",\"UUID\":\"u\",\"I/O\":\"out\","
                                             "\"msg\":[\"\\\"messages\\\": [\"]}"));
        CPPUNIT_ASSERT(!looksLikeRawEnvelope("{\"msg\":\"messages\",\"x\":[\"messages\"]}"));
        CPPUNIT_ASSERT(!looksLikeRawEnvelope("{\"messages\":[\"QQ==\"],\"type\":\"msg\"}"));
        CPPUNIT_ASSERT(!looksLikeRawEnvelope("{\"messages\":\"QQ==\",\"UUID\":\"u\"}"));
        CPPUNIT_ASSERT(!looksLikeRawEnvelope("{\"x\":{\"messages\":[]}}"));
        CPPUNIT_ASSERT(!looksLikeRawEnvelope("{\"m\\u0065ssages\":[]}"));
        // Not JSON objects at all: left to the plain-packet parser to report.
        for (const char* text :
             {"", " ", "{", "}", "[]", "\"messages\"", "{\"messages\"",
              "{\"messages\":", "{\"messages\":[", "{\"messages\":[]", "{\"messages\":[] x",
              "{\"messages\":[]]", "{messages:[]}", "{\"messages\":[\"unterminated]}"})
            CPPUNIT_ASSERT_MESSAGE(text, !looksLikeRawEnvelope(text));
    }

    void testConcurrentOpen()
    {
        // One const key and envelope, used by several threads at once (server worker threads).
        const std::string text = multibyteAcrossBoundary(214);
        const RawEnvelope sealed = sealRawPacket(text, key2048().publicKey(), "u", kServerName);
        std::atomic<int> failures{0};
        std::vector<std::thread> threads;
        for (int t = 0; t < 4; ++t)
            threads.emplace_back([&] {
                for (int i = 0; i < 5; ++i) {
                    try {
                        const RawEnvelope mine =
                            sealRawPacket(text, key2048().publicKey(), "u", kServerName);
                        if (openRawPacket(sealed, key2048(), kServerName) != text ||
                            openRawPacket(mine, key2048(), kServerName) != text)
                            ++failures;
                    } catch (const std::exception&) {
                        ++failures; // counted and asserted below; the thread must not die
                    }
                }
            });
        for (std::thread& thread : threads)
            thread.join();
        CPPUNIT_ASSERT_EQUAL(0, failures.load());
    }

private:
    static void roundTrips(const RsaPrivateKey& key, const std::vector<std::size_t>& sizes,
                           const std::vector<std::size_t>& blocks)
    {
        const std::size_t base64Length = (key.modulusBytes() + 2) / 3 * 4;
        for (std::size_t i = 0; i < sizes.size(); ++i) {
            const std::string text = asciiText(sizes[i]);
            const RawEnvelope sealed = sealRawPacket(text, key.publicKey(), "uuid-1", kServerName);
            const std::string what = std::to_string(sizes[i]) + " bytes";
            CPPUNIT_ASSERT_EQUAL_MESSAGE(what, blocks[i], sealed.messages.size());
            for (const std::string& block : sealed.messages)
                CPPUNIT_ASSERT_EQUAL_MESSAGE(what, base64Length, block.size());
            CPPUNIT_ASSERT_EQUAL(std::string("uuid-1"), sealed.uuid);
            CPPUNIT_ASSERT_EQUAL(std::string(kServerName), sealed.to);
            const RawEnvelope parsed = parseRawEnvelope(serializeRawEnvelope(sealed));
            CPPUNIT_ASSERT_EQUAL_MESSAGE(what, text, openRawPacket(parsed, key, kServerName));
        }
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(RsaKeyTest);
CPPUNIT_TEST_SUITE_REGISTRATION(RawPacketTest);
