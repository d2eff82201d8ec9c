// Tests of the NL chat raw packet (protocol/raw_packet.h; specs/nlchat-protocol.txt, section
// 1.2). Round trips without sockets; interop with PyCryptodome is in rsa_interop_test.cpp.

#include "rsa_test_support.h"

using namespace ringdesk::protocol;
using namespace ringdesk::protocol::test_support;
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

CPPUNIT_TEST_SUITE_REGISTRATION(RawPacketTest);
