// Interop of the raw packet (protocol/raw_packet.h; specs/nlchat-protocol.txt, section 1.2)
// with PyCryptodome, the library of the original Python NL chat peers, both ways. The peer is
// tests/protocol/pycryptodome_peer.py, run with Debian's /usr/bin/python3 and its
// python3-pycryptodome package (module `Cryptodome`). A missing interpreter or module fails
// the tests with a message saying what to install: a skipped interop test proves nothing.

#include "protocol/raw_packet.h"
#include "protocol/rsa_key.h"
#include "rsa_test_support.h"

#include <cppunit/extensions/HelperMacros.h>

#include <Poco/Pipe.h>
#include <Poco/PipeStream.h>
#include <Poco/Process.h>


#include <cstdlib>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#ifndef RINGDESK_SOURCE_DIR
#error                                                                                             \
    "RINGDESK_SOURCE_DIR must name the project's source directory (tests/protocol/CMakeLists.txt)"
#endif

using namespace ringdesk::protocol;
using ringdesk::protocol::test_support::readFile;
using ringdesk::protocol::test_support::writeFile;

namespace {

constexpr const char* kPython = "/usr/bin/python3";
constexpr const char* kPeerScript = RINGDESK_SOURCE_DIR "/tests/protocol/pycryptodome_peer.py";

/// A plain `msg` packet (spec 1.1.5) whose text mixes 1- to 4-byte UTF-8 characters and
/// spans several blocks of any accepted key size.
std::string nonAsciiPacket()
{
    std::string text;
    for (int i = 0; i < 60; ++i)
        text += "Grüße, 東京 ✓ 🙂 ";
    return "{\"type\":\"msg\",\"UUID\":\"5d9c1a3e\",\"I/O\":\"out\",\"msg\":[\"" + text + "\"]}";
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
        const test_support::TemporaryDirectory directory;
        const std::string plaintext = nonAsciiPacket();
        writeFile(directory.file("server.pub"), test_support::key2048().publicKey().pem());
        writeFile(directory.file("plain.json"), plaintext);
        runPeer({"seal", directory.file("server.pub"), directory.file("plain.json"), "5d9c1a3e",
                 kServerName, directory.file("envelope.json")});

        const std::string line = readFile(directory.file("envelope.json"));
        CPPUNIT_ASSERT(looksLikeRawEnvelope(line));
        const RawEnvelope envelope = parseRawEnvelope(line);
        CPPUNIT_ASSERT_EQUAL((plaintext.size() + 213) / 214, envelope.messages.size());
        CPPUNIT_ASSERT(envelope.messages.size() >= 3);
        CPPUNIT_ASSERT_EQUAL(std::string("5d9c1a3e"), envelope.uuid);
        CPPUNIT_ASSERT_EQUAL(plaintext, openRawPacket(envelope, test_support::key2048(), kServerName));
    }

    void testCppSealsPythonOpens()
    {
        // What an original client receives from the server.
        const test_support::TemporaryDirectory directory;
        const std::string plaintext = nonAsciiPacket();
        const RawEnvelope envelope =
            sealRawPacket(plaintext, test_support::key2048().publicKey(), "5d9c1a3e", kClientName);
        CPPUNIT_ASSERT(envelope.messages.size() >= 3);
        writeFile(directory.file("client.key"), test_support::key2048().pem());
        writeFile(directory.file("envelope.json"), serializeRawEnvelope(envelope));
        runPeer({"open", directory.file("client.key"), directory.file("envelope.json"), kClientName,
                 directory.file("plain.json")});
        CPPUNIT_ASSERT_EQUAL(plaintext, readFile(directory.file("plain.json")));
    }

    void test4096BitKeyBothWays()
    {
        // The spec allows 4096-bit keys in the future (1.2.1): 470-byte blocks on both sides.
        const test_support::TemporaryDirectory directory;
        const std::string plaintext = nonAsciiPacket();
        writeFile(directory.file("key.pub"), test_support::key4096().publicKey().pem());
        writeFile(directory.file("key.pem"), test_support::key4096().pem());
        writeFile(directory.file("plain.json"), plaintext);

        runPeer({"seal", directory.file("key.pub"), directory.file("plain.json"), "u", kServerName,
                 directory.file("from-python.json")});
        const RawEnvelope fromPython =
            parseRawEnvelope(readFile(directory.file("from-python.json")));
        CPPUNIT_ASSERT_EQUAL((plaintext.size() + 469) / 470, fromPython.messages.size());
        CPPUNIT_ASSERT_EQUAL(plaintext, openRawPacket(fromPython, test_support::key4096(), kServerName));

        const RawEnvelope fromCpp =
            sealRawPacket(plaintext, test_support::key4096().publicKey(), "u", kClientName);
        writeFile(directory.file("from-cpp.json"), serializeRawEnvelope(fromCpp));
        runPeer({"open", directory.file("key.pem"), directory.file("from-cpp.json"), kClientName,
                 directory.file("opened.json")});
        CPPUNIT_ASSERT_EQUAL(plaintext, readFile(directory.file("opened.json")));
    }

    void testPythonGeneratedKeys()
    {
        // An original client makes its key pair with PyCryptodome and sends the public half in
        // its `key` packet (spec 2.1); its private key file is traditional PKCS#1 PEM.
        const test_support::TemporaryDirectory directory;
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
