// protocol/wire_constants.json is the committed copy of wireConstantsJson() that the widget's
// protocol.test.ts compares visitor-widget/src/protocol.ts with; this test fails when a header
// changed and the file was not regenerated (print_wire_constants > protocol/wire_constants.json).
#include "protocol/user_status.h"
#include "protocol/wire_constants.h"

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <cppunit/extensions/HelperMacros.h>

#include <fstream>
#include <sstream>
#include <string>

class WireConstantsTest : public CppUnit::TestFixture
{
    CPPUNIT_TEST_SUITE(WireConstantsTest);
    CPPUNIT_TEST(testCommittedFileIsCurrent);
    CPPUNIT_TEST(testIsValidJson);
    CPPUNIT_TEST(testDocumentsListTheStatuses);
    CPPUNIT_TEST_SUITE_END();

public:
    void testCommittedFileIsCurrent()
    {
        std::istringstream expected(ringdesk::protocol::wireConstantsJson());
        std::istringstream committed(read(RINGDESK_SOURCE_DIR "/protocol/wire_constants.json"));
        std::string want, have;
        for (int line = 1; std::getline(expected, want); ++line) {
            const bool present = static_cast<bool>(std::getline(committed, have));
            CPPUNIT_ASSERT_MESSAGE("protocol/wire_constants.json is out of date at line " + std::to_string(line) +
                                       ": the headers say '" + want + "', the file '" +
                                       (present ? have : "(end of file)") +
                                       "'. Run print_wire_constants > protocol/wire_constants.json, "
                                       "then bring visitor-widget/src/protocol.ts in line.",
                                   present && want == have);
        }
        CPPUNIT_ASSERT_MESSAGE("protocol/wire_constants.json has lines after the end of the constants",
                               !std::getline(committed, have));
    }

    void testIsValidJson()
    {
        const Poco::Dynamic::Var parsed = Poco::JSON::Parser().parse(ringdesk::protocol::wireConstantsJson());
        const auto& root = parsed.extract<Poco::JSON::Object::Ptr>();
        CPPUNIT_ASSERT(root->getObject("visitor")->getArray("client_types")->size() > 0);
        CPPUNIT_ASSERT_EQUAL(16384, root->getObject("limits")->getValue<int>("kMaxVisitorFrameBytes"));
        CPPUNIT_ASSERT_EQUAL(-1, root->getObject("user_status")->getValue<int>("kUnknown"));
    }

    // docs/protocol.md and docs/ims.md spell the status numbers out for readers; they must be
    // the library's (protocol/user_status.h).
    void testDocumentsListTheStatuses()
    {
        namespace user_status = ringdesk::protocol::user_status;
        const std::string protocolDoc = read(RINGDESK_SOURCE_DIR "/docs/protocol.md");
        const std::string imsDoc = read(RINGDESK_SOURCE_DIR "/docs/ims.md");
        for (int status : {user_status::kOnline, user_status::kAway, user_status::kBusy, user_status::kOffline}) {
            const std::string name(*ringdesk::protocol::userStatusName(status));
            const std::string number = std::to_string(status);
            CPPUNIT_ASSERT_MESSAGE(name, protocolDoc.find("`" + number + "` " + name) != std::string::npos);
            CPPUNIT_ASSERT_MESSAGE(name, imsDoc.find(name + " " + number) != std::string::npos);
            CPPUNIT_ASSERT_MESSAGE(name, imsDoc.find("<STATUS id=\"" + number + "\">" + name + "</STATUS>") !=
                                             std::string::npos);
        }
        CPPUNIT_ASSERT(protocolDoc.find("`" + std::to_string(user_status::kUnknown) + "` unknown") !=
                       std::string::npos);
    }

private:
    static std::string read(const char* path)
    {
        std::ifstream file(path);
        CPPUNIT_ASSERT_MESSAGE(path, file.good());
        std::stringstream text;
        text << file.rdbuf();
        return text.str();
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(WireConstantsTest);
