// A configuration reload (SIGHUP, what `systemctl reload ringdesk` sends) against the real
// server: the core's rules change at once, settings bound to sockets or files are reported as
// waiting for a restart, and a file that became invalid changes nothing.
#include "support/server_process.h"
#include "support/test_peers.h"
#include "support/waits.h"

#include <Poco/FileStream.h>
#include <Poco/Path.h>

#include <cppunit/extensions/HelperMacros.h>

namespace ringdesk::integration {

using namespace operator_client;

namespace {

void writeConfiguration(const std::string& path, const std::string& text)
{
    Poco::FileOutputStream out(path);
    out << text;
}

bool contains(const std::string& text, const std::string& fragment)
{
    return text.find(fragment) != std::string::npos;
}

} // namespace

class ReloadTest : public CppUnit::TestFixture
{
    CPPUNIT_TEST_SUITE(ReloadTest);
    CPPUNIT_TEST(testReloadShortensTheRingTimeout);
    CPPUNIT_TEST(testInvalidFileAtReloadKeepsTheSettings);
    CPPUNIT_TEST_SUITE_END();

public:
    void testReloadShortensTheRingTimeout()
    {
        ServerProcess server;
        const std::string config = Poco::Path(Poco::Path(server.dataDir()).makeDirectory(), "ringdesk.properties").toString();
        writeConfiguration(config, "ringdesk.ring.timeoutMs = 600000\n");
        server.useConfigFile(config);
        server.addUser("nina", "nina-secret", "Nina Novak");
        server.start();
        OperatorEngine nina(sessionSettings(server.operatorPort(), "nina", "nina-secret"));
        nina.start();
        awaitSessionLogin(nina);

        writeConfiguration(config, "ringdesk.ring.timeoutMs = 1500\nringdesk.visitor.maxFrameBytes = 4096\n");
        server.reload();
        const std::string log = server.awaitOutput("configuration reloaded");
        CPPUNIT_ASSERT_MESSAGE(log, contains(log, "setting ringdesk.ring.timeoutMs = 1500 ms (applied)"));
        CPPUNIT_ASSERT_MESSAGE(log, contains(log, "setting ringdesk.visitor.maxFrameBytes = 4096 takes effect "
                                                  "at the next restart"));

        // With the ten minutes of the start, this ring would outlast the test's deadline.
        visitor::Welcome welcome;
        auto visitor = connectVisitor(server, "Otto", welcome);
        visitor->send(visitor::SendMsg{"anyone there?"});
        const std::int64_t id = awaitEvent<RingOffered>(nina).ring.id;
        CPPUNIT_ASSERT_EQUAL(id, awaitEvent<RingClosed>(nina).id);
        awaitMessage<visitor::StateChange>(
            *visitor, [](const visitor::StateChange& s) { return s.state == visitor::state::kNoAnswer; });
    }

    void testInvalidFileAtReloadKeepsTheSettings()
    {
        ServerProcess server;
        const std::string config = Poco::Path(Poco::Path(server.dataDir()).makeDirectory(), "ringdesk.properties").toString();
        writeConfiguration(config, "ringdesk.ring.timeoutMs = 1500\n");
        server.useConfigFile(config);
        server.addUser("olga", "olga-secret", "Olga Orr");
        server.start();

        writeConfiguration(config, "ringdesk.ring.timeoutMs = -1\n");
        server.reload();
        const std::string log = server.awaitOutput("reload failed");
        CPPUNIT_ASSERT_MESSAGE(log, contains(log, "ringdesk.ring.timeoutMs must be at least 1"));

        // Still serving, with the timeout of the start.
        OperatorEngine olga(sessionSettings(server.operatorPort(), "olga", "olga-secret"));
        olga.start();
        awaitSessionLogin(olga);
        visitor::Welcome welcome;
        auto visitor = connectVisitor(server, "Pia", welcome);
        visitor->send(visitor::SendMsg{"hello?"});
        const std::int64_t id = awaitEvent<RingOffered>(olga).ring.id;
        CPPUNIT_ASSERT_EQUAL(id, awaitEvent<RingClosed>(olga).id);
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(ReloadTest);

} // namespace ringdesk::integration
