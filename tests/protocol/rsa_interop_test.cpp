// Interop of the raw packet (protocol/raw_packet.h; specs/nlchat-protocol.txt, section 1.2)
// with PyCryptodome, the library of the original Python NL chat peers, both ways. The peer is
// tests/protocol/pycryptodome_peer.py, run with Debian's /usr/bin/python3 and its
// python3-pycryptodome package (module `Cryptodome`). A missing interpreter or module fails
// the tests with a message saying what to install: a skipped interop test proves nothing.

#include "protocol/raw_packet.h"
#include "protocol/rsa_key.h"

#include <cppunit/extensions/HelperMacros.h>

#include <Poco/Pipe.h>
#include <Poco/PipeStream.h>
#include <Poco/Process.h>

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#ifndef RINGDESK_SOURCE_DIR
#error                                                                                             \
    "RINGDESK_SOURCE_DIR must name the project's source directory (tests/protocol/CMakeLists.txt)"
#endif

using namespace ringdesk::protocol;

namespace {

constexpr const char* kPython = "/usr/bin/python3";
constexpr const char* kPeerScript = RINGDESK_SOURCE_DIR "/tests/protocol/pycryptodome_peer.py";

const RsaPrivateKey& cppKey2048()
{
    static const RsaPrivateKey key = RsaPrivateKey::generate(2048);
    return key;
}

const RsaPrivateKey& cppKey4096()
{
    static const RsaPrivateKey key = RsaPrivateKey::generate(4096);
    return key;
}

/// A plain `msg` packet (spec 1.1.5) whose text mixes 1- to 4-byte UTF-8 characters and
/// spans several blocks of any accepted key size.
std::string nonAsciiPacket()
{
    std::string text;
    for (int i = 0; i < 60; ++i)
        text += "Grüße, 東京 ✓ 🙂 ";
    return "{\"type\":\"msg\",\"UUID\":\"5d9c1a3e\",\"I/O\":\"out\",\"msg\":[\"" + text + "\"]}";
}

class TemporaryDirectory
{
public:
    TemporaryDirectory()
    {
        std::string pattern =
            (std::filesystem::temp_directory_path() / "ringdesk-rsa-interop-XXXXXX").string();
        CPPUNIT_ASSERT(::mkdtemp(pattern.data()) != nullptr);
        path_ = pattern;
    }
    ~TemporaryDirectory()
    {
        std::error_code ignored; // cleaning up a test directory must not hide the test result
        std::filesystem::remove_all(path_, ignored);
    }
    std::string file(const std::string& name) const { return (path_ / name).string(); }

private:
    std::filesystem::path path_;
};

std::string readFile(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    CPPUNIT_ASSERT_MESSAGE("cannot read " + path, in.good());
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

void writeFile(const std::string& path, const std::string& text)
{
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << text;
    CPPUNIT_ASSERT_MESSAGE("cannot write " + path, out.good());
}

/// Runs the peer script with `arguments`; fails the test with its standard error output
/// unless it exits with 0.
void runPeer(const std::vector<std::string>& arguments)
{
    Poco::Pipe errors;
    Poco::Process::Args args{kPeerScript};
    args.insert(args.end(), arguments.begin(), arguments.end());
    Poco::ProcessHandle process = Poco::Process::launch(kPython, args, nullptr, nullptr, &errors);
    Poco::PipeInputStream errorStream(errors);
    const std::string errorText((std::istreambuf_iterator<char>(errorStream)),
                                std::istreambuf_iterator<char>());
    const int status = process.wait();
    std::string command = std::string(kPython) + " " + kPeerScript;
    for (const std::string& argument : arguments)
        command += " " + argument;
    CPPUNIT_ASSERT_EQUAL_MESSAGE(command + "\n" + errorText, 0, status);
}

} // namespace

class PyCryptodomeInteropTest : public CppUnit::TestFixture
{
    CPPUNIT_TEST_SUITE(PyCryptodomeInteropTest);
    CPPUNIT_TEST(testPeerAvailable);
    CPPUNIT_TEST(testPythonSealsCppOpens);
    CPPUNIT_TEST(testCppSealsPythonOpens);
    CPPUNIT_TEST(test4096BitKeyBothWays);
    CPPUNIT_TEST(testPythonGeneratedKeys);
    CPPUNIT_TEST_SUITE_END();

public:
    void setUp() override
    {
        // Checked before every test, so each failure names the cause.
        CPPUNIT_ASSERT_MESSAGE(std::string(kPython) +
                                   " not found: install Debian's python3 and python3-pycryptodome "
                                   "(apt-get install -y python3-pycryptodome)",
                               ::access(kPython, X_OK) == 0);
        CPPUNIT_ASSERT_MESSAGE(std::string("peer script not found: ") + kPeerScript,
                               ::access(kPeerScript, R_OK) == 0);
    }

    void testPeerAvailable()
    {
        // Exits with 2 and a message naming python3-pycryptodome when Cryptodome is missing.
        runPeer({"check"});
    }

    void testPythonSealsCppOpens()
    {
        // What the server receives from an original client: json.dumps spacing, 214-byte blocks.
        const TemporaryDirectory directory;
        const std::string plaintext = nonAsciiPacket();
        writeFile(directory.file("server.pub"), cppKey2048().publicKey().pem());
        writeFile(directory.file("plain.json"), plaintext);
        runPeer({"seal", directory.file("server.pub"), directory.file("plain.json"), "5d9c1a3e",
                 kServerName, directory.file("envelope.json")});

        const std::string line = readFile(directory.file("envelope.json"));
        CPPUNIT_ASSERT(looksLikeRawEnvelope(line));
        const RawEnvelope envelope = parseRawEnvelope(line);
        CPPUNIT_ASSERT_EQUAL((plaintext.size() + 213) / 214, envelope.messages.size());
        CPPUNIT_ASSERT(envelope.messages.size() >= 3);
        CPPUNIT_ASSERT_EQUAL(std::string("5d9c1a3e"), envelope.uuid);
        CPPUNIT_ASSERT_EQUAL(plaintext, openRawPacket(envelope, cppKey2048(), kServerName));
    }

    void testCppSealsPythonOpens()
    {
        // What an original client receives from the server.
        const TemporaryDirectory directory;
        const std::string plaintext = nonAsciiPacket();
        const RawEnvelope envelope =
            sealRawPacket(plaintext, cppKey2048().publicKey(), "5d9c1a3e", kClientName);
        CPPUNIT_ASSERT(envelope.messages.size() >= 3);
        writeFile(directory.file("client.key"), cppKey2048().pem());
        writeFile(directory.file("envelope.json"), serializeRawEnvelope(envelope));
        runPeer({"open", directory.file("client.key"), directory.file("envelope.json"), kClientName,
                 directory.file("plain.json")});
        CPPUNIT_ASSERT_EQUAL(plaintext, readFile(directory.file("plain.json")));
    }

    void test4096BitKeyBothWays()
    {
        // The spec allows 4096-bit keys in the future (1.2.1): 470-byte blocks on both sides.
        const TemporaryDirectory directory;
        const std::string plaintext = nonAsciiPacket();
        writeFile(directory.file("key.pub"), cppKey4096().publicKey().pem());
        writeFile(directory.file("key.pem"), cppKey4096().pem());
        writeFile(directory.file("plain.json"), plaintext);

        runPeer({"seal", directory.file("key.pub"), directory.file("plain.json"), "u", kServerName,
                 directory.file("from-python.json")});
        const RawEnvelope fromPython =
            parseRawEnvelope(readFile(directory.file("from-python.json")));
        CPPUNIT_ASSERT_EQUAL((plaintext.size() + 469) / 470, fromPython.messages.size());
        CPPUNIT_ASSERT_EQUAL(plaintext, openRawPacket(fromPython, cppKey4096(), kServerName));

        const RawEnvelope fromCpp =
            sealRawPacket(plaintext, cppKey4096().publicKey(), "u", kClientName);
        writeFile(directory.file("from-cpp.json"), serializeRawEnvelope(fromCpp));
        runPeer({"open", directory.file("key.pem"), directory.file("from-cpp.json"), kClientName,
                 directory.file("opened.json")});
        CPPUNIT_ASSERT_EQUAL(plaintext, readFile(directory.file("opened.json")));
    }

    void testPythonGeneratedKeys()
    {
        // An original client makes its key pair with PyCryptodome and sends the public half in
        // its `key` packet (spec 2.1); its private key file is traditional PKCS#1 PEM.
        const TemporaryDirectory directory;
        runPeer({"genkey", directory.file("client.key"), directory.file("client.pub")});
        const RsaPublicKey clientPublic =
            RsaPublicKey::fromPem(readFile(directory.file("client.pub")));
        const RsaPrivateKey clientPrivate =
            RsaPrivateKey::fromPem(readFile(directory.file("client.key")));
        CPPUNIT_ASSERT(clientPrivate.publicKey() == clientPublic);
        CPPUNIT_ASSERT_EQUAL(2048, clientPublic.bits());

        const std::string plaintext = nonAsciiPacket();
        const RawEnvelope toClient =
            sealRawPacket(plaintext, clientPublic, "5d9c1a3e", kClientName);
        writeFile(directory.file("to-client.json"), serializeRawEnvelope(toClient));
        runPeer({"open", directory.file("client.key"), directory.file("to-client.json"),
                 kClientName, directory.file("opened.json")});
        CPPUNIT_ASSERT_EQUAL(plaintext, readFile(directory.file("opened.json")));

        writeFile(directory.file("plain.json"), plaintext);
        runPeer({"seal", directory.file("client.pub"), directory.file("plain.json"), "5d9c1a3e",
                 kClientName, directory.file("from-python.json")});
        const RawEnvelope fromPython =
            parseRawEnvelope(readFile(directory.file("from-python.json")));
        CPPUNIT_ASSERT_EQUAL(plaintext, openRawPacket(fromPython, clientPrivate, kClientName));
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(PyCryptodomeInteropTest);
