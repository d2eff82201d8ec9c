// Tests of the RSA keys (protocol/rsa_key.h): PEM forms, sizes, fingerprints (the key files: tests/keys).

#include "rsa_test_support.h"

using namespace ringdesk::protocol;
using namespace ringdesk::protocol::test_support;
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
};


CPPUNIT_TEST_SUITE_REGISTRATION(RsaKeyTest);
