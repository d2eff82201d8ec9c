// Tests of this node's key pair on disk (server/keys/key_pair_files.h): created on first start
// with the right modes and no temporary files left, loaded afterwards, corrupt files refused.

#include "server/keys/key_pair_files.h"

#include "tests/protocol/rsa_test_support.h"

using namespace ringdesk::protocol;
using namespace ringdesk::protocol::test_support;
using ringdesk::keys::loadOrCreateKeyPair;

class KeyPairFilesTest : public CppUnit::TestFixture
{
    CPPUNIT_TEST_SUITE(KeyPairFilesTest);
    CPPUNIT_TEST(testLoadOrCreateKeyPair);
    CPPUNIT_TEST(testLoadOrCreateRecreatesPublicFile);
    CPPUNIT_TEST(testLoadOrCreateRefusesCorruptFiles);
    CPPUNIT_TEST_SUITE_END();

public:
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
        assertRuntimeErrorNames(privatePath, [&] { loadOrCreateKeyPair(privatePath, publicPath, 2048); });

        writeFile(privatePath, key2048().pem());
        writeFile(publicPath, "corrupt");
        assertRuntimeErrorNames(publicPath, [&] { loadOrCreateKeyPair(privatePath, publicPath, 2048); });

        // A public file of another key is a configuration mistake, not something to overwrite.
        writeFile(publicPath, otherKey2048().publicKey().pem());
        assertRuntimeErrorNames(publicPath, [&] { loadOrCreateKeyPair(privatePath, publicPath, 2048); });
        CPPUNIT_ASSERT_EQUAL(otherKey2048().publicKey().pem(), readFile(publicPath));

        // An unreadable path (here a directory) is an error too, never a reason to generate.
        const std::string directoryPath = directory.file("subdirectory");
        std::filesystem::create_directory(directoryPath);
        assertRuntimeErrorNames(directoryPath, [&] { loadOrCreateKeyPair(directoryPath, publicPath, 2048); });
    }

private:
    static void assertRuntimeErrorNames(const std::string& path, const std::function<void()>& action)
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

CPPUNIT_TEST_SUITE_REGISTRATION(KeyPairFilesTest);
