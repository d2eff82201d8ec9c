#include "protocol/line_framer.h"
#include "protocol/protocol_error.h"

#include <cppunit/extensions/HelperMacros.h>

using ringdesk::protocol::LineFramer;
using ringdesk::protocol::ProtocolError;

class LineFramerTest : public CppUnit::TestFixture
{
    CPPUNIT_TEST_SUITE(LineFramerTest);
    CPPUNIT_TEST(testSplitsLinesAcrossReads);
    CPPUNIT_TEST(testStripsCarriageReturn);
    CPPUNIT_TEST(testOversizeLineRefusedBeforeNewline);
    CPPUNIT_TEST(testLineAtLimitAccepted);
    CPPUNIT_TEST(testLineAtLimitWithCrlfSplitAcrossReads);
    CPPUNIT_TEST(testManySmallLines);
    CPPUNIT_TEST_SUITE_END();

public:
    void testSplitsLinesAcrossReads()
    {
        LineFramer framer(100);
        framer.feed("{\"a\":", 5);
        CPPUNIT_ASSERT(!framer.next());
        CPPUNIT_ASSERT(framer.hasPartial());
        framer.feed("1}\n{\"b\":2}\n{", 12);
        CPPUNIT_ASSERT_EQUAL(std::string("{\"a\":1}"), *framer.next());
        CPPUNIT_ASSERT_EQUAL(std::string("{\"b\":2}"), *framer.next());
        CPPUNIT_ASSERT(!framer.next());
        CPPUNIT_ASSERT(framer.hasPartial());
    }

    void testStripsCarriageReturn()
    {
        LineFramer framer(100);
        framer.feed("abc\r\n\n", 6);
        CPPUNIT_ASSERT_EQUAL(std::string("abc"), *framer.next());
        CPPUNIT_ASSERT_EQUAL(std::string(), *framer.next());
        CPPUNIT_ASSERT(!framer.hasPartial());
    }

    void testOversizeLineRefusedBeforeNewline()
    {
        LineFramer framer(10);
        const std::string chunk(11, 'x');
        framer.feed(chunk.data(), chunk.size());
        try {
            framer.next();
            CPPUNIT_FAIL("expected too_large");
        } catch (const ProtocolError& e) {
            CPPUNIT_ASSERT_EQUAL(std::string("too_large"), e.code());
        }
    }

    void testLineAtLimitAccepted()
    {
        LineFramer framer(10);
        const std::string line = std::string(10, 'y') + "\n";
        framer.feed(line.data(), line.size());
        CPPUNIT_ASSERT_EQUAL(std::string(10, 'y'), *framer.next());
    }

    // Found by tests/fuzz/line_framer_fuzzer (corpus: max_line_crlf_split): a line of exactly the
    // limit ending in "\r\n" was accepted when the "\r\n" came in one read and refused as
    // too_large when a read ended between the '\r' and the '\n'.
    void testLineAtLimitWithCrlfSplitAcrossReads()
    {
        LineFramer framer(10);
        const std::string line = std::string(10, 'y') + "\r";
        framer.feed(line.data(), line.size());
        CPPUNIT_ASSERT(!framer.next());
        framer.feed("\n", 1);
        CPPUNIT_ASSERT_EQUAL(std::string(10, 'y'), *framer.next());
        // One byte more is still refused before the newline arrives.
        LineFramer overLimit(10);
        const std::string longer = std::string(11, 'y') + "\r";
        overLimit.feed(longer.data(), longer.size());
        CPPUNIT_ASSERT_THROW(overLimit.next(), ProtocolError);
    }

    void testManySmallLines()
    {
        LineFramer framer(16);
        std::string input;
        for (int i = 0; i < 1000; ++i)
            input += std::to_string(i) + "\n";
        for (char c : input)
            framer.feed(&c, 1);
        for (int i = 0; i < 1000; ++i)
            CPPUNIT_ASSERT_EQUAL(std::to_string(i), *framer.next());
        CPPUNIT_ASSERT(!framer.next());
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(LineFramerTest);
