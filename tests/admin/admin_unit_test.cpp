// Pure parts of the admin feature: visitor ban subjects, ban durations, the import file, the
// token file and its comparison, --since times, and how a transcript is rendered.
#include "admin/duration.h"
#include "admin/time_argument.h"
#include "admin/transcript_format.h"
#include "admin/user_import.h"
#include "server/admin_contract/admin_token.h"
#include "server/core/visitor_ban.h"

#include <Poco/File.h>
#include <Poco/TemporaryFile.h>

#include <cppunit/extensions/HelperMacros.h>

#include <sstream>
#include <sys/stat.h>

namespace ringdesk::admin_tests {

using core::VisitorBanSubject;

class AdminUnitTest : public CppUnit::TestFixture
{
    CPPUNIT_TEST_SUITE(AdminUnitTest);
    CPPUNIT_TEST(testVisitorIdSubject);
    CPPUNIT_TEST(testAddressSubjects);
    CPPUNIT_TEST(testNetworkSubjects);
    CPPUNIT_TEST(testBadSubjects);
    CPPUNIT_TEST(testDurations);
    CPPUNIT_TEST(testImportLines);
    CPPUNIT_TEST(testImportRefusesBadLines);
    CPPUNIT_TEST(testTokenFileIsPrivateAndStable);
    CPPUNIT_TEST(testTokenComparison);
    CPPUNIT_TEST(testTimeArguments);
    CPPUNIT_TEST(testBadTimeArguments);
    CPPUNIT_TEST(testTranscriptText);
    CPPUNIT_TEST(testTranscriptJson);
    CPPUNIT_TEST_SUITE_END();

public:
    void testVisitorIdSubject()
    {
        const VisitorBanSubject ban = VisitorBanSubject::parse("v-0123456789abcdef");
        CPPUNIT_ASSERT_EQUAL(std::string("v-0123456789abcdef"), ban.text());
        CPPUNIT_ASSERT(ban.matches("v-0123456789abcdef", "10.0.0.1"));
        CPPUNIT_ASSERT(!ban.matches("v-0123456789abcdee", "10.0.0.1"));
    }

    void testAddressSubjects()
    {
        const VisitorBanSubject v4 = VisitorBanSubject::parse("203.0.113.7");
        CPPUNIT_ASSERT_EQUAL(std::string("address"), std::string(v4.kindName()));
        CPPUNIT_ASSERT(v4.matches("v-0000000000000000", "203.0.113.7"));
        CPPUNIT_ASSERT(!v4.matches("v-0000000000000000", "203.0.113.8"));
        // A dual-stack socket reports IPv4 peers as mapped IPv6 addresses.
        CPPUNIT_ASSERT(v4.matches("v-0000000000000000", "::ffff:203.0.113.7"));
        CPPUNIT_ASSERT(!v4.matches("v-0000000000000000", "not an address"));

        const VisitorBanSubject v6 = VisitorBanSubject::parse("2001:DB8::1");
        CPPUNIT_ASSERT_EQUAL(std::string("2001:db8::1"), v6.text());
        CPPUNIT_ASSERT(v6.matches("", "2001:db8:0:0::1"));
        CPPUNIT_ASSERT(!v6.matches("", "203.0.113.7"));
    }

    void testNetworkSubjects()
    {
        const VisitorBanSubject block = VisitorBanSubject::parse("10.1.2.3/8");
        CPPUNIT_ASSERT_EQUAL(std::string("10.0.0.0/8"), block.text());
        CPPUNIT_ASSERT(block.matches("", "10.200.0.9"));
        CPPUNIT_ASSERT(!block.matches("", "11.0.0.1"));
        const VisitorBanSubject odd = VisitorBanSubject::parse("192.168.5.130/25");
        CPPUNIT_ASSERT_EQUAL(std::string("192.168.5.128/25"), odd.text());
        CPPUNIT_ASSERT(odd.matches("", "192.168.5.255"));
        CPPUNIT_ASSERT(!odd.matches("", "192.168.5.127"));
        const VisitorBanSubject v6 = VisitorBanSubject::parse("2001:db8::/32");
        CPPUNIT_ASSERT(v6.matches("", "2001:db8:ffff::1"));
        CPPUNIT_ASSERT(!v6.matches("", "2001:db9::1"));
        // /32 of IPv4 is one address.
        CPPUNIT_ASSERT_EQUAL(std::string("10.0.0.1"), VisitorBanSubject::parse("10.0.0.1/32").text());
        CPPUNIT_ASSERT(VisitorBanSubject::parse("0.0.0.0/0").matches("", "8.8.8.8"));
    }

    void testBadSubjects()
    {
        for (const char* text : {"", "bob", "v-123", "v-0123456789abcdeg", "10.0.0.1/33", "10.0.0/8",
                                 "10.0.0.1/", "10.0.0.1/a", "2001:db8::/129", "300.0.0.1"})
            CPPUNIT_ASSERT_THROW_MESSAGE(text, VisitorBanSubject::parse(text), std::invalid_argument);
        CPPUNIT_ASSERT(!VisitorBanSubject::tryParse("nonsense"));
    }

    void testDurations()
    {
        using namespace std::chrono_literals;
        CPPUNIT_ASSERT(admin::parseDuration("30s") == 30s);
        CPPUNIT_ASSERT(admin::parseDuration("15m") == 15min);
        CPPUNIT_ASSERT(admin::parseDuration("2h") == 2h);
        CPPUNIT_ASSERT(admin::parseDuration("7d") == 168h);
        CPPUNIT_ASSERT(admin::parseDuration("1w") == 168h);
        for (const char* text : {"", "s", "0s", "-5m", "5", "5x", "1.5h", "3651d", "99999999999w"})
            CPPUNIT_ASSERT_THROW_MESSAGE(text, admin::parseDuration(text), std::invalid_argument);
    }

    void testImportLines()
    {
        std::istringstream in("# operators\n"
                              "alice,secret\r\n"
                              "\n"
                              "bob,pw2,Bob Baker\n"
                              "carol,pw3,Carol,admin\n");
        const std::vector<admin::ImportEntry> entries = admin::parseImport(in);
        CPPUNIT_ASSERT_EQUAL(std::size_t(3), entries.size());
        CPPUNIT_ASSERT_EQUAL(std::string("alice"), entries[0].username);
        CPPUNIT_ASSERT_EQUAL(std::string("secret"), entries[0].password);
        CPPUNIT_ASSERT_EQUAL(std::string(""), entries[0].displayName);
        CPPUNIT_ASSERT_EQUAL(std::string("operator"), entries[0].role);
        CPPUNIT_ASSERT_EQUAL(std::size_t(2), entries[0].line);
        CPPUNIT_ASSERT_EQUAL(std::string("Bob Baker"), entries[1].displayName);
        CPPUNIT_ASSERT_EQUAL(std::string("admin"), entries[2].role);
    }

    void testImportRefusesBadLines()
    {
        std::istringstream in("alice,secret\n"
                              "no-password\n"
                              "bad name,pw\n"
                              "dave,pw,Dave,boss\n"
                              "alice,again\n"
                              "erin,\n");
        try {
            admin::parseImport(in);
            CPPUNIT_FAIL("bad lines were accepted");
        } catch (const std::invalid_argument& e) {
            const std::string message = e.what();
            CPPUNIT_ASSERT_MESSAGE(message, message.find("5 bad line(s)") != std::string::npos);
            for (const char* line : {"line 2", "line 3", "line 4", "line 5", "line 6"})
                CPPUNIT_ASSERT_MESSAGE(message, message.find(line) != std::string::npos);
        }
    }

    void testTokenFileIsPrivateAndStable()
    {
        Poco::TemporaryFile folder;
        const std::string path = folder.path() + "/sub/admin.token";
        std::string warning;
        const std::string token = admin_api::loadOrCreateAdminToken(path, warning);
        CPPUNIT_ASSERT(warning.empty());
        CPPUNIT_ASSERT_EQUAL(admin_api::kTokenHexDigits, token.size());
        struct stat info{};
        CPPUNIT_ASSERT_EQUAL(0, ::stat(path.c_str(), &info));
        CPPUNIT_ASSERT_EQUAL(0600, static_cast<int>(info.st_mode & 0777));
        // The second start reads the same token; the tool reads it too.
        CPPUNIT_ASSERT_EQUAL(token, admin_api::loadOrCreateAdminToken(path, warning));
        CPPUNIT_ASSERT_EQUAL(token, admin_api::readAdminToken(path));
        // A token another user may read is used, with a warning.
        ::chmod(path.c_str(), 0644);
        CPPUNIT_ASSERT_EQUAL(token, admin_api::loadOrCreateAdminToken(path, warning));
        CPPUNIT_ASSERT(!warning.empty());
        // Two files get different tokens.
        const std::string other = folder.path() + "/other.token";
        CPPUNIT_ASSERT(token != admin_api::loadOrCreateAdminToken(other, warning));
        CPPUNIT_ASSERT_THROW(admin_api::readAdminToken(folder.path() + "/missing.token"), std::runtime_error);
    }

    void testTokenComparison()
    {
        const std::string token(64, 'a');
        CPPUNIT_ASSERT(admin_api::tokenMatches(token, token));
        CPPUNIT_ASSERT(!admin_api::tokenMatches(token, std::string(63, 'a') + "b"));
        CPPUNIT_ASSERT(!admin_api::tokenMatches(token, std::string(63, 'a')));
        CPPUNIT_ASSERT(!admin_api::tokenMatches(token, ""));
        CPPUNIT_ASSERT(!admin_api::tokenMatches("", ""));
    }

    void testTimeArguments()
    {
        CPPUNIT_ASSERT_EQUAL(std::int64_t(1796083200000), admin::parseTimeArgument("2026-12-01"));
        CPPUNIT_ASSERT_EQUAL(std::int64_t(1796117400000), admin::parseTimeArgument("2026-12-01T09:30"));
        CPPUNIT_ASSERT_EQUAL(std::int64_t(1796117400000), admin::parseTimeArgument("2026-12-01 09:30:00"));
        CPPUNIT_ASSERT_EQUAL(std::int64_t(1796117400000), admin::parseTimeArgument("2026-12-01T09:30:00Z"));
        CPPUNIT_ASSERT_EQUAL(std::int64_t(1796117415250), admin::parseTimeArgument("2026-12-01T09:30:15.250"));
        CPPUNIT_ASSERT_EQUAL(std::int64_t(1796117415250), admin::parseTimeArgument("2026-12-01T09:30:15.2509Z"));
        // A zone after the time: 09:30 in +01:00 is 08:30 UTC, in -05:00 it is 14:30 UTC.
        CPPUNIT_ASSERT_EQUAL(std::int64_t(1796113800000), admin::parseTimeArgument("2026-12-01T09:30+01:00"));
        CPPUNIT_ASSERT_EQUAL(std::int64_t(1796135400000), admin::parseTimeArgument("2026-12-01T09:30:00-0500"));
        CPPUNIT_ASSERT_EQUAL(std::int64_t(1709164800000), admin::parseTimeArgument("2024-02-29"));
    }

    void testBadTimeArguments()
    {
        for (const char* text : {"", "yesterday", "2026-12", "2026-12-1", "2026/12/01", "2026-12-01T", "2026-12-01T9:30",
                                 "2026-12-01T09:30:", "2026-12-01T09:30:00.", "2026-12-01T09:30+1", "2026-12-01T09:30 UTC",
                                 "2026-13-01", "2026-02-30", "2025-02-29", "2026-12-01T24:00", "2026-12-01T09:60",
                                 "2026-12-01x"})
            CPPUNIT_ASSERT_THROW_MESSAGE(text, admin::parseTimeArgument(text), std::invalid_argument);
    }

    /// Conversation 7: Ann (visitor) and the operator alice, who signed one message as "Alice"
    /// and one with no name; ended.
    static store::ConversationSummary conversation()
    {
        return {7, "v-0123456789abcdef", "Ann", "https://shop.example/cart", "ended", "alice", "Alice Archer",
                1796117400000, 1796117460000, 3};
    }

    static std::vector<core::TranscriptLine> messages()
    {
        return {{1, false, "", "Where is my parcel?", 1796117401000},
                {2, true, "Alice", "It left yesterday.\nTracking: 42", 1796117402000},
                {3, true, "", "Anything else?", 1796117403000}};
    }

    void testTranscriptText()
    {
        std::ostringstream out;
        admin::writeTranscriptText(out, conversation(), messages());
        CPPUNIT_ASSERT_EQUAL(std::string("Conversation 7\n"
                                         "Visitor:   Ann (v-0123456789abcdef)\n"
                                         "Page:      https://shop.example/cart\n"
                                         "Operator:  Alice Archer (alice)\n"
                                         "Started:   2026-12-01T09:30:00Z\n"
                                         "Ended:     2026-12-01T09:31:00Z\n"
                                         "State:     ended\n"
                                         "Messages:  3\n"
                                         "\n"
                                         "2026-12-01T09:30:01Z  Ann: Where is my parcel?\n"
                                         "2026-12-01T09:30:02Z  Alice: It left yesterday.\n"
                                         "                             Tracking: 42\n"
                                         "2026-12-01T09:30:03Z  Alice Archer: Anything else?\n"),
                             out.str());

        // Open, nobody took it, the visitor gave no name.
        store::ConversationSummary open{8, "v-0123456789abcdef", "", "", "ringing", "", "", 1796117400000,
                                        1796117400000, 1};
        std::ostringstream ringing;
        admin::writeTranscriptText(ringing, open, {{1, false, "", "Hello?", 1796117400000}});
        const std::string text = ringing.str();
        CPPUNIT_ASSERT_MESSAGE(text, text.find("Operator:  (none)\n") != std::string::npos);
        CPPUNIT_ASSERT_MESSAGE(text, text.find("Ended:     (still open)\n") != std::string::npos);
        CPPUNIT_ASSERT_MESSAGE(text, text.find("2026-12-01T09:30:00Z  visitor: Hello?\n") != std::string::npos);
    }

    void testTranscriptJson()
    {
        std::ostringstream out;
        admin::transcriptJson(conversation(), messages())->stringify(out);
        CPPUNIT_ASSERT_EQUAL(
            std::string("{\"format\":\"ringdesk-transcript\",\"version\":1,\"conversation\":{\"id\":7,"
                        "\"state\":\"ended\",\"visitor\":\"v-0123456789abcdef\",\"visitor_name\":\"Ann\","
                        "\"page\":\"https://shop.example/cart\",\"operator\":\"alice\","
                        "\"operator_name\":\"Alice Archer\",\"started\":\"2026-12-01T09:30:00Z\","
                        "\"ended\":\"2026-12-01T09:31:00Z\",\"message_count\":3},\"messages\":["
                        "{\"seq\":1,\"time\":\"2026-12-01T09:30:01Z\",\"ts\":1796117401000,\"from\":\"visitor\","
                        "\"name\":\"Ann\",\"text\":\"Where is my parcel?\"},"
                        "{\"seq\":2,\"time\":\"2026-12-01T09:30:02Z\",\"ts\":1796117402000,\"from\":\"operator\","
                        "\"name\":\"Alice\",\"text\":\"It left yesterday.\\nTracking: 42\"},"
                        "{\"seq\":3,\"time\":\"2026-12-01T09:30:03Z\",\"ts\":1796117403000,\"from\":\"operator\","
                        "\"name\":\"Alice Archer\",\"text\":\"Anything else?\"}]}"),
            out.str());
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(AdminUnitTest);

} // namespace ringdesk::admin_tests
