// Framing of back-to-back IMS documents (protocol/ims_stream_parser.h): splits at every byte,
// whitespace, size limit, refused markup and the failed state.
#include "protocol/ims_stream_parser.h"

#include "protocol/ims_document.h"
#include "protocol/limits.h"
#include "protocol/protocol_error.h"

#include <cppunit/extensions/HelperMacros.h>

#include <algorithm>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

using namespace ringdesk::ims;
using ringdesk::protocol::ProtocolError;
namespace error_code = ringdesk::protocol::error_code;
namespace limits = ringdesk::protocol::limits;

namespace {

const std::string kLogin = R"(<LOGIN user="a" pass="5f4dcc3b5aa765d61d8327deb882cf99"/>)";
const std::string kAlive = "<ALIVE/>";
const std::string kMessage = R"(<MESSAGE from="a" to="b">hi</MESSAGE>)";
const std::string kStatusList =
    R"(<STATUSLIST><STATUS id="0">Online</STATUS><STATUS id="1">Away</STATUS></STATUSLIST>)";
// Attribute values holding '>', "/>" and the other quote; CDATA holding markup.
const std::string kTricky =
    R"(<MESSAGE from='a>b' to="c/>'d" >x<![CDATA[</MESSAGE><ALIVE/>]]]]>y</MESSAGE >)";
const std::string kDeclared = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ALIVE />";

std::vector<std::string> drain(ImsStreamParser& parser)
{
    std::vector<std::string> documents;
    while (std::optional<std::string> document = parser.next())
        documents.push_back(*document);
    return documents;
}

std::vector<std::string> feedAll(ImsStreamParser& parser, const std::string& bytes)
{
    parser.feed(bytes.data(), bytes.size());
    return drain(parser);
}

// Feeds `bytes` one byte at a time and returns the error code of the first ProtocolError and
// the number of bytes fed when it was thrown; fails the test if none is thrown.
std::pair<std::string, std::size_t> feedUntilError(ImsStreamParser& parser,
                                                   const std::string& bytes)
{
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        parser.feed(&bytes[i], 1);
        try {
            drain(parser);
        } catch (const ProtocolError& e) {
            return {e.code(), i + 1};
        }
    }
    CPPUNIT_FAIL("no ProtocolError for " + bytes);
    return {};
}

void expectError(const char* code, const std::string& bytes)
{
    ImsStreamParser whole;
    try {
        feedAll(whole, bytes);
        CPPUNIT_FAIL("no ProtocolError(" + std::string(code) + ") for " + bytes);
    } catch (const ProtocolError& e) {
        CPPUNIT_ASSERT_EQUAL_MESSAGE(bytes + " -> " + e.what(), std::string(code), e.code());
    }
    ImsStreamParser byteByByte;
    CPPUNIT_ASSERT_EQUAL_MESSAGE(bytes + " fed byte by byte", std::string(code),
                                 feedUntilError(byteByByte, bytes).first);
}

} // namespace

class ImsStreamParserTest : public CppUnit::TestFixture
{
    CPPUNIT_TEST_SUITE(ImsStreamParserTest);
    CPPUNIT_TEST(testSingleDocument);
    CPPUNIT_TEST(testBackToBackDocuments);
    CPPUNIT_TEST(testSplitAtEveryBytePosition);
    CPPUNIT_TEST(testOneByteAtATime);
    CPPUNIT_TEST(testWhitespaceBetweenDocumentsIsSkipped);
    CPPUNIT_TEST(testQuotedGreaterThanAndCdata);
    CPPUNIT_TEST(testXmlDeclarationStartsADocument);
    CPPUNIT_TEST(testTruncatedDocumentIsPartial);
    CPPUNIT_TEST(testStreamToTypedDocuments);
    CPPUNIT_TEST(testBillionLaughsRefusedBeforeAnyEntity);
    CPPUNIT_TEST(testExternalEntityRefused);
    CPPUNIT_TEST(testCommentsAndProcessingInstructionsRefused);
    CPPUNIT_TEST(testStructuralErrors);
    CPPUNIT_TEST(testNestingDepthIsBounded);
    CPPUNIT_TEST(testTenMegabyteDocumentRefusedAtTheLimit);
    CPPUNIT_TEST(testConfiguredLimitIsExact);
    CPPUNIT_TEST(testOversizeTagAndCdataRefused);
    CPPUNIT_TEST(testMalformedPastTheLimitIsTooLargeHoweverSplit);
    CPPUNIT_TEST(testFailedStateIsSticky);
    CPPUNIT_TEST(testMismatchedCloseTagIsLeftToTheXmlParser);
    CPPUNIT_TEST(testConstructorRejectsLimitsAboveTheProtocolMaximum);
    CPPUNIT_TEST_SUITE_END();

public:
    void testSingleDocument()
    {
        ImsStreamParser parser;
        CPPUNIT_ASSERT(!parser.hasPartial());
        CPPUNIT_ASSERT(!parser.next());
        const std::vector<std::string> documents = feedAll(parser, kMessage);
        CPPUNIT_ASSERT_EQUAL(std::size_t{1}, documents.size());
        CPPUNIT_ASSERT_EQUAL(kMessage, documents[0]);
        CPPUNIT_ASSERT(!parser.hasPartial());
        CPPUNIT_ASSERT_EQUAL(std::size_t{0}, parser.bufferedBytes());
    }

    void testBackToBackDocuments()
    {
        ImsStreamParser parser;
        const std::vector<std::string> expected{kLogin,      kAlive,  kMessage,
                                                kStatusList, kTricky, kAlive};
        std::string stream;
        for (const std::string& document : expected)
            stream += document;
        CPPUNIT_ASSERT(expected == feedAll(parser, stream));
        CPPUNIT_ASSERT(!parser.hasPartial());
    }

    void testSplitAtEveryBytePosition()
    {
        const std::vector<std::string> expected{kLogin,      kAlive,  kMessage,
                                                kStatusList, kTricky, kDeclared};
        std::string stream;
        for (const std::string& document : expected)
            stream += document + "\r\n";
        for (std::size_t split = 0; split <= stream.size(); ++split) {
            ImsStreamParser parser;
            std::vector<std::string> documents = feedAll(parser, stream.substr(0, split));
            for (const std::string& document : feedAll(parser, stream.substr(split)))
                documents.push_back(document);
            CPPUNIT_ASSERT_MESSAGE("split at byte " + std::to_string(split), expected == documents);
            CPPUNIT_ASSERT(!parser.hasPartial());
        }
    }

    void testOneByteAtATime()
    {
        const std::vector<std::string> expected{kLogin,      kAlive,  kMessage,
                                                kStatusList, kTricky, kDeclared};
        std::string stream;
        for (const std::string& document : expected)
            stream += document;
        ImsStreamParser parser;
        std::vector<std::string> documents;
        std::size_t completed = 0;
        for (std::size_t i = 0; i < stream.size(); ++i) {
            parser.feed(&stream[i], 1);
            for (const std::string& document : drain(parser))
                documents.push_back(document);
            // A document comes out exactly when its last byte arrives, not earlier or later.
            std::size_t end = 0;
            std::size_t expectedCount = 0;
            for (const std::string& document : expected) {
                end += document.size();
                if (end <= i + 1)
                    ++expectedCount;
            }
            CPPUNIT_ASSERT_EQUAL_MESSAGE("after byte " + std::to_string(i + 1), expectedCount,
                                         documents.size());
            if (documents.size() > completed) {
                completed = documents.size();
                CPPUNIT_ASSERT(!parser.hasPartial());
            } else {
                CPPUNIT_ASSERT(parser.hasPartial());
            }
        }
        CPPUNIT_ASSERT(expected == documents);
    }

    void testWhitespaceBetweenDocumentsIsSkipped()
    {
        ImsStreamParser parser;
        const std::vector<std::string> documents =
            feedAll(parser, " \r\n\t" + kAlive + "\n\n  " + kLogin + "\t ");
        CPPUNIT_ASSERT(std::vector<std::string>({kAlive, kLogin}) == documents);
        CPPUNIT_ASSERT(!parser.hasPartial());
        // Whitespace alone is dropped, not buffered, however much of it arrives.
        const std::string spaces(1024 * 1024, ' ');
        for (int i = 0; i < 3; ++i) {
            CPPUNIT_ASSERT(feedAll(parser, spaces).empty());
            CPPUNIT_ASSERT_EQUAL(std::size_t{0}, parser.bufferedBytes());
        }
        CPPUNIT_ASSERT(!parser.hasPartial());
        // Whitespace inside a document is kept as is.
        const std::string spaced = "<MESSAGE  from=\"a\"\n to=\"b\" > two  words </MESSAGE\n>";
        CPPUNIT_ASSERT(std::vector<std::string>({spaced}) == feedAll(parser, spaced));
    }

    void testQuotedGreaterThanAndCdata()
    {
        ImsStreamParser parser;
        CPPUNIT_ASSERT(std::vector<std::string>({kTricky, kAlive}) ==
                       feedAll(parser, kTricky + kAlive));
        const Message message = std::get<Message>(parseClientDocument(kTricky));
        CPPUNIT_ASSERT_EQUAL(std::string("a>b"), message.from);
        CPPUNIT_ASSERT_EQUAL(std::string("c/>'d"), message.to);
        CPPUNIT_ASSERT_EQUAL(std::string("x</MESSAGE><ALIVE/>]]y"), message.text);
        // "<!DOCTYPE" inside CDATA is character data, not a declaration.
        const std::string cdata =
            R"(<MESSAGE from="a" to="b"><![CDATA[<!DOCTYPE x [<!ENTITY y "z">]>]]></MESSAGE>)";
        CPPUNIT_ASSERT(std::vector<std::string>({cdata}) == feedAll(parser, cdata));
        CPPUNIT_ASSERT_EQUAL(std::string(R"(<!DOCTYPE x [<!ENTITY y "z">]>)"),
                             std::get<Message>(parseClientDocument(cdata)).text);
    }

    void testXmlDeclarationStartsADocument()
    {
        ImsStreamParser parser;
        const std::string declared =
            "<?xml version='1.0'?><MESSAGE from=\"a\" to=\"b\">?&gt;</MESSAGE>";
        CPPUNIT_ASSERT(std::vector<std::string>({kAlive, declared, kDeclared}) ==
                       feedAll(parser, kAlive + declared + "\n" + kDeclared));
        CPPUNIT_ASSERT(std::holds_alternative<Alive>(parseClientDocument(kDeclared)));
    }

    void testTruncatedDocumentIsPartial()
    {
        ImsStreamParser parser;
        const std::string head = R"(<MESSAGE from="a" to="b">hel)";
        CPPUNIT_ASSERT(feedAll(parser, head).empty());
        CPPUNIT_ASSERT(parser.hasPartial());
        CPPUNIT_ASSERT(!parser.next());
        CPPUNIT_ASSERT(parser.hasPartial());
        // At end of stream the server reports the partial document; if more arrives, it completes.
        CPPUNIT_ASSERT(std::vector<std::string>({head + "lo</MESSAGE>"}) ==
                       feedAll(parser, "lo</MESSAGE>"));
        CPPUNIT_ASSERT(!parser.hasPartial());
        // A lone '<' (markup not yet classifiable) is partial too.
        CPPUNIT_ASSERT(feedAll(parser, "  <").empty());
        CPPUNIT_ASSERT(parser.hasPartial());
        // Unscanned whitespace fed after a document is not partial.
        ImsStreamParser other;
        const std::string withSpace = kAlive + "  ";
        other.feed(withSpace.data(), withSpace.size());
        CPPUNIT_ASSERT(other.hasPartial()); // the document itself, not yet taken
        CPPUNIT_ASSERT(other.next() == kAlive);
        CPPUNIT_ASSERT(!other.hasPartial());
        CPPUNIT_ASSERT(!other.next());
        CPPUNIT_ASSERT(!other.hasPartial());
    }

    void testStreamToTypedDocuments()
    {
        ImsStreamParser parser;
        const std::string stream = kLogin + kAlive + kMessage;
        std::vector<ClientDocument> documents;
        for (std::size_t i = 0; i < stream.size(); i += 7) {
            parser.feed(stream.data() + i, std::min<std::size_t>(7, stream.size() - i));
            while (std::optional<std::string> text = parser.next())
                documents.push_back(parseClientDocument(*text));
        }
        CPPUNIT_ASSERT_EQUAL(std::size_t{3}, documents.size());
        CPPUNIT_ASSERT(documents[0] ==
                       (ClientDocument{LoginRequest{"a", "5f4dcc3b5aa765d61d8327deb882cf99"}}));
        CPPUNIT_ASSERT(documents[1] == ClientDocument{Alive{}});
        CPPUNIT_ASSERT(documents[2] == (ClientDocument{Message{"a", "b", "hi"}}));
    }

    void testBillionLaughsRefusedBeforeAnyEntity()
    {
        std::string billionLaughs =
            "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n";
        for (int level = 2; level <= 9; ++level) {
            billionLaughs += " <!ENTITY lol" + std::to_string(level) + " \"";
            for (int i = 0; i < 10; ++i)
                billionLaughs +=
                    (level == 2 ? std::string("&lol;") : "&lol" + std::to_string(level - 1) + ";");
            billionLaughs += "\">\n";
        }
        billionLaughs += "]>\n<MESSAGE from=\"a\" to=\"b\">&lol9;</MESSAGE>";
        expectError(error_code::kBadXml, billionLaughs);
        // Byte by byte, the error comes with the 'D' of "<!DOCTYPE", before any declaration is
        // read.
        ImsStreamParser parser;
        const auto [code, fed] = feedUntilError(parser, billionLaughs);
        CPPUNIT_ASSERT_EQUAL(std::string(error_code::kBadXml), code);
        CPPUNIT_ASSERT_EQUAL(billionLaughs.find("<!DOCTYPE") + 3, fed);
        // Without the XML declaration, and between two good documents.
        ImsStreamParser second;
        const std::string stream = kAlive + billionLaughs.substr(billionLaughs.find("<!DOCTYPE"));
        try {
            second.feed(stream.data(), stream.size());
            CPPUNIT_ASSERT(second.next() == kAlive);
            second.next();
            CPPUNIT_FAIL("DOCTYPE after a document was accepted");
        } catch (const ProtocolError& e) {
            CPPUNIT_ASSERT_EQUAL(std::string(error_code::kBadXml), e.code());
        }
    }

    void testExternalEntityRefused()
    {
        expectError(
            error_code::kBadXml,
            R"(<?xml version="1.0"?><!DOCTYPE m [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>)"
            R"(<MESSAGE from="a" to="b">&xxe;</MESSAGE>)");
        expectError(error_code::kBadXml, R"(<!DOCTYPE ALIVE SYSTEM "file:///etc/passwd"><ALIVE/>)");
        // Declarations inside a document are refused as well (expat would reject them later).
        expectError(
            error_code::kBadXml,
            R"(<MESSAGE from="a" to="b"><!ENTITY x SYSTEM "file:///etc/passwd"></MESSAGE>)");
        expectError(error_code::kBadXml, R"(<MESSAGE from="a" to="b"><!DOCTYPE x></MESSAGE>)");
        expectError(error_code::kBadXml, "<!ELEMENT ALIVE EMPTY>");
    }

    void testCommentsAndProcessingInstructionsRefused()
    {
        expectError(error_code::kBadXml, "<!-- hello --><ALIVE/>");
        expectError(error_code::kBadXml, "<ALIVE><!-- hello --></ALIVE>");
        expectError(error_code::kBadXml, "<?php system('id'); ?><ALIVE/>");
        expectError(error_code::kBadXml, "<?xml-stylesheet href=\"x\"?><ALIVE/>");
        expectError(error_code::kBadXml, "<?xmlx version=\"1.0\"?><ALIVE/>");
        expectError(error_code::kBadXml, "<ALIVE><?xml version=\"1.0\"?></ALIVE>");
        expectError(error_code::kBadXml, "<?xml version=\"1.0\"?><?xml version=\"1.0\"?><ALIVE/>");
        expectError(error_code::kBadXml, "<?xml version=\"1.0\"?><!-- x --><ALIVE/>");
    }

    void testStructuralErrors()
    {
        expectError(error_code::kBadXml, "hello<ALIVE/>");
        expectError(error_code::kBadXml, kAlive + "x");
        expectError(error_code::kBadXml, "</ALIVE>");
        expectError(error_code::kBadXml, "<ALIVE/></ALIVE>");
        expectError(error_code::kBadXml, "< ALIVE/>");
        expectError(error_code::kBadXml, "<1ALIVE/>");
        expectError(error_code::kBadXml, "<>");
        expectError(error_code::kBadXml, "<MESSAGE></ >");
        expectError(error_code::kBadXml, R"(<LOGIN user="a<b" pass="p"/>)");
        expectError(error_code::kBadXml, "<LOGIN user=\"a\" <ALIVE/>");
        expectError(error_code::kBadXml, "<MESSAGE></MESSAGE <ALIVE/>");
        expectError(error_code::kBadXml, "<![CDATA[x]]><ALIVE/>");
        expectError(error_code::kBadXml, "<MESSAGE><![CDTA[x]]></MESSAGE>");
        expectError(error_code::kBadXml, "<?xml version=\"1.0\"?>text<ALIVE/>");
        expectError(error_code::kBadXml, "<?xml version=\"1.0\"?></ALIVE>");
        expectError(error_code::kBadXml, "\xEF\xBB\xBF<ALIVE/>"); // a byte order mark is text
    }

    void testNestingDepthIsBounded()
    {
        std::string deepest;
        for (std::size_t i = 0; i < kMaxElementDepth; ++i)
            deepest += "<a>";
        std::string closing;
        for (std::size_t i = 0; i < kMaxElementDepth; ++i)
            closing += "</a>";
        ImsStreamParser parser;
        CPPUNIT_ASSERT(std::vector<std::string>({deepest + closing}) ==
                       feedAll(parser, deepest + closing));
        expectError(error_code::kBadXml, deepest + "<a>");
        // Self-closing tags do not count as open elements.
        ImsStreamParser flat;
        const std::string wide = "<a>" + std::string(500, ' ') + "<b/><b/><b/></a>";
        CPPUNIT_ASSERT(std::vector<std::string>({wide}) == feedAll(flat, wide));
    }

    void testTenMegabyteDocumentRefusedAtTheLimit()
    {
        const std::size_t chunk = 64 * 1024;
        const std::size_t total = 10 * 1024 * 1024;
        const std::string head = R"(<MESSAGE from="a" to="b">)";
        const std::string filler(chunk, 'x');
        ImsStreamParser parser;
        std::size_t fed = 0;
        std::size_t maxBuffered = 0;
        try {
            parser.feed(head.data(), head.size());
            fed += head.size();
            CPPUNIT_ASSERT(!parser.next());
            while (fed < total) {
                parser.feed(filler.data(), filler.size());
                fed += filler.size();
                maxBuffered = std::max(maxBuffered, parser.bufferedBytes());
                CPPUNIT_ASSERT(!parser.next());
            }
            CPPUNIT_FAIL("a 10 MB document was accepted");
        } catch (const ProtocolError& e) {
            CPPUNIT_ASSERT_EQUAL(std::string(error_code::kTooLarge), e.code());
        }
        // The error comes with the first chunk that takes the document past 64 KiB, so the
        // buffer never held more than the limit plus one chunk.
        CPPUNIT_ASSERT_EQUAL(head.size() + chunk, fed);
        CPPUNIT_ASSERT(fed > limits::kMaxImsDocumentBytes);
        CPPUNIT_ASSERT(maxBuffered <= limits::kMaxImsDocumentBytes + chunk);
        CPPUNIT_ASSERT_EQUAL(std::size_t{0}, parser.bufferedBytes());
    }

    void testConfiguredLimitIsExact()
    {
        const std::size_t limit = 100;
        // A document of exactly `limit` bytes passes, in one feed and byte by byte.
        const std::string fits = "<ALIVE pad=\"" + std::string(limit - 15, 'x') + "\"/>";
        CPPUNIT_ASSERT_EQUAL(limit, fits.size());
        ImsStreamParser whole(limit);
        CPPUNIT_ASSERT(std::vector<std::string>({fits, fits}) ==
                       feedAll(whole, fits + " \n" + fits));
        ImsStreamParser slow(limit);
        std::vector<std::string> documents;
        for (char c : fits + fits) {
            slow.feed(&c, 1);
            for (const std::string& document : drain(slow))
                documents.push_back(document);
        }
        CPPUNIT_ASSERT(std::vector<std::string>({fits, fits}) == documents);
        // One byte more is refused: as a whole, and byte by byte exactly at byte limit + 1.
        const std::string tooLong = "<ALIVE pad=\"" + std::string(limit - 14, 'x') + "\"/>";
        ImsStreamParser wholeTooLong(limit);
        try {
            feedAll(wholeTooLong, tooLong);
            CPPUNIT_FAIL("document over the configured limit accepted");
        } catch (const ProtocolError& e) {
            CPPUNIT_ASSERT_EQUAL(std::string(error_code::kTooLarge), e.code());
        }
        ImsStreamParser slowTooLong(limit);
        const auto [code, fed] = feedUntilError(slowTooLong, "\n\n" + tooLong);
        CPPUNIT_ASSERT_EQUAL(std::string(error_code::kTooLarge), code);
        CPPUNIT_ASSERT_EQUAL(2 + limit + 1, fed); // leading whitespace does not count
        // The limit covers the XML declaration too.
        ImsStreamParser declared(limit);
        const std::string withDeclaration = "<?xml version=\"1.0\"?>" + fits;
        CPPUNIT_ASSERT_EQUAL(std::string(error_code::kTooLarge),
                             feedUntilError(declared, withDeclaration).first);
    }

    void testOversizeTagAndCdataRefused()
    {
        const std::string bigAttribute =
            "<LOGIN user=\"" + std::string(limits::kMaxImsDocumentBytes, 'a');
        ImsStreamParser attribute;
        try {
            feedAll(attribute, bigAttribute);
            CPPUNIT_FAIL("unterminated oversize tag accepted");
        } catch (const ProtocolError& e) {
            CPPUNIT_ASSERT_EQUAL(std::string(error_code::kTooLarge), e.code());
        }
        const std::string bigCdata =
            "<MESSAGE><![CDATA[" + std::string(limits::kMaxImsDocumentBytes, ']');
        ImsStreamParser cdata;
        try {
            feedAll(cdata, bigCdata);
            CPPUNIT_FAIL("unterminated oversize CDATA accepted");
        } catch (const ProtocolError& e) {
            CPPUNIT_ASSERT_EQUAL(std::string(error_code::kTooLarge), e.code());
        }
        const std::string bigDeclaration =
            "<?xml " + std::string(limits::kMaxImsDocumentBytes, '?');
        ImsStreamParser declaration;
        try {
            feedAll(declaration, bigDeclaration);
            CPPUNIT_FAIL("unterminated oversize XML declaration accepted");
        } catch (const ProtocolError& e) {
            CPPUNIT_ASSERT_EQUAL(std::string(error_code::kTooLarge), e.code());
        }
    }

    // Found by tests/fuzz/ims_stream_parser_fuzzer (corpus: too_long_then_malformed): fed whole,
    // a document over the limit with a malformed byte after the limit was refused as bad_xml,
    // fed in small reads as too_large. The bytes past the limit are never examined now.
    void testMalformedPastTheLimitIsTooLargeHoweverSplit()
    {
        const std::size_t limit = 100;
        const std::string stream = "<MESSAGE>" + std::string(limit, 'x') + "<!DOCTYPE x>";
        ImsStreamParser whole(limit);
        try {
            feedAll(whole, stream);
            CPPUNIT_FAIL("document over the configured limit accepted");
        } catch (const ProtocolError& e) {
            CPPUNIT_ASSERT_EQUAL(std::string(error_code::kTooLarge), e.code());
        }
        ImsStreamParser byteByByte(limit);
        CPPUNIT_ASSERT_EQUAL(std::string(error_code::kTooLarge), feedUntilError(byteByByte, stream).first);
        // A malformed byte within the limit is still bad_xml, however the stream is split.
        ImsStreamParser early(limit);
        try {
            feedAll(early, "<MESSAGE><!DOCTYPE x>" + std::string(limit, 'x'));
            CPPUNIT_FAIL("a declaration inside the limit accepted");
        } catch (const ProtocolError& e) {
            CPPUNIT_ASSERT_EQUAL(std::string(error_code::kBadXml), e.code());
        }
    }

    void testFailedStateIsSticky()
    {
        ImsStreamParser parser;
        const std::string stream = kAlive + "<!DOCTYPE x>" + kAlive;
        parser.feed(stream.data(), stream.size());
        CPPUNIT_ASSERT(parser.next() == kAlive);
        for (int attempt = 0; attempt < 2; ++attempt) {
            try {
                parser.next();
                CPPUNIT_FAIL("no error after DOCTYPE");
            } catch (const ProtocolError& e) {
                CPPUNIT_ASSERT_EQUAL(std::string(error_code::kBadXml), e.code());
            }
            // Input after the error is ignored and nothing stays buffered.
            parser.feed(kAlive.data(), kAlive.size());
            CPPUNIT_ASSERT_EQUAL(std::size_t{0}, parser.bufferedBytes());
            CPPUNIT_ASSERT(!parser.hasPartial());
        }
    }

    void testMismatchedCloseTagIsLeftToTheXmlParser()
    {
        // Depth balances, so the splitter hands the document over; the XML parser refuses it.
        ImsStreamParser parser;
        const std::string mismatched = R"(<MESSAGE from="a" to="b">hi</MESAGE>)";
        const std::vector<std::string> documents = feedAll(parser, mismatched + kAlive);
        CPPUNIT_ASSERT(std::vector<std::string>({mismatched, kAlive}) == documents);
        try {
            parseClientDocument(documents[0]);
            CPPUNIT_FAIL("mismatched close tag accepted");
        } catch (const ProtocolError& e) {
            CPPUNIT_ASSERT_EQUAL(std::string(error_code::kBadXml), e.code());
        }
        // An unknown element is framed like any other and refused by the document codec.
        CPPUNIT_ASSERT(std::vector<std::string>({"<HELLO/>"}) == feedAll(parser, "<HELLO/>"));
        try {
            parseClientDocument("<HELLO/>");
            CPPUNIT_FAIL("unknown element accepted");
        } catch (const ProtocolError& e) {
            CPPUNIT_ASSERT_EQUAL(std::string(error_code::kUnknownType), e.code());
        }
    }

    void testConstructorRejectsLimitsAboveTheProtocolMaximum()
    {
        CPPUNIT_ASSERT_THROW(ImsStreamParser(limits::kMaxImsDocumentBytes + 1),
                             std::invalid_argument);
        CPPUNIT_ASSERT_THROW(ImsStreamParser(0), std::invalid_argument);
        CPPUNIT_ASSERT_NO_THROW(ImsStreamParser(1));
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(ImsStreamParserTest);
