// Visitor bans by visitor id, IP address and CIDR block against the real server: a banned
// visitor is told that chat is unavailable and no operator is rung.
#include "admin_tool.h"
#include "protocol/protocol_error.h"
#include "support/server_process.h"
#include "support/test_peers.h"
#include "support/waits.h"

#include <cppunit/extensions/HelperMacros.h>

namespace ringdesk::admin_tests {
namespace {

using integration::awaitMessage;
using integration::awaitPacket;
using integration::connectOperator;
using integration::connectVisitor;
using integration::ServerProcess;

std::size_t openRings(const ServerProcess& server)
{
    const ToolResult rings = runAdmin(server, {"rings", "--json"});
    CPPUNIT_ASSERT_EQUAL_MESSAGE(rings.describe(), 0, rings.code);
    return rings.jsonArray()->size();
}

} // namespace

class AdminVisitorBanTest : public CppUnit::TestFixture
{
    CPPUNIT_TEST_SUITE(AdminVisitorBanTest);
    CPPUNIT_TEST(testVisitorBannedByIpIsNotRung);
    CPPUNIT_TEST(testConnectedVisitorBannedByIdLosesItsRing);
    CPPUNIT_TEST_SUITE_END();

public:
    void testVisitorBannedByIpIsNotRung()
    {
        ServerProcess server;
        server.addUser("erin", "erin-pw", "Erin");
        server.start();
        auto op = connectOperator(server, "erin", "erin-pw", "Erin");

        // The test's visitors come from 127.0.0.1; a block and the address itself both match.
        const ToolResult ban = runAdmin(server, {"ban", "visitor", "127.0.0.0/8", "--reason", "spam", "--json"});
        CPPUNIT_ASSERT_EQUAL_MESSAGE(ban.describe(), 0, ban.code);
        CPPUNIT_ASSERT_EQUAL(std::string("127.0.0.0/8"), ban.json()->getValue<std::string>("subject"));

        visitor::Welcome welcome;
        auto ann = connectVisitor(server, "Ann", welcome);
        CPPUNIT_ASSERT_EQUAL(std::string(visitor::state::kUnavailable), welcome.state);
        ann->send(visitor::SendMsg{"spam spam spam"});
        CPPUNIT_ASSERT_EQUAL(std::string(protocol::error_code::kUnavailable),
                             awaitMessage<visitor::ErrorReply>(*ann).code);
        // The refusal came after the core handled the message: nothing is ringing.
        CPPUNIT_ASSERT_EQUAL(std::size_t(0), openRings(server));

        // Lifted: the same visitor may chat, and its first ring is the one the operator sees.
        const ToolResult unban = runAdmin(server, {"unban", "visitor", "127.0.0.0/8"});
        CPPUNIT_ASSERT_EQUAL_MESSAGE(unban.describe(), 0, unban.code);
        awaitMessage<visitor::StateChange>(*ann, [](const visitor::StateChange& s) {
            return s.state == visitor::state::kIdle;
        });
        ann->send(visitor::SendMsg{"A real question"});
        CPPUNIT_ASSERT_EQUAL(std::string("A real question"), awaitPacket<nlchat::Ring>(*op).text);
    }

    void testConnectedVisitorBannedByIdLosesItsRing()
    {
        ServerProcess server;
        server.addUser("fred", "fred-pw", "Fred");
        server.start();
        auto op = connectOperator(server, "fred", "fred-pw", "Fred");
        visitor::Welcome welcome;
        auto ann = connectVisitor(server, "Ann", welcome);
        ann->send(visitor::SendMsg{"Hello"});
        const std::int64_t id = awaitPacket<nlchat::Ring>(*op).id;

        const ToolResult ban = runAdmin(server, {"ban", "visitor", welcome.visitor, "--json"});
        CPPUNIT_ASSERT_EQUAL_MESSAGE(ban.describe(), 0, ban.code);
        CPPUNIT_ASSERT_EQUAL(Poco::UInt64(1), ban.json()->getValue<Poco::UInt64>("visitors_refused"));
        awaitMessage<visitor::StateChange>(*ann, [](const visitor::StateChange& s) {
            return s.state == visitor::state::kUnavailable;
        });
        // The ring is withdrawn: ringACKACK with no winner.
        const auto withdrawn = awaitPacket<nlchat::RingAckAck>(*op, [&](const nlchat::RingAckAck& a) { return a.id == id; });
        CPPUNIT_ASSERT(withdrawn.uuid.empty());
        CPPUNIT_ASSERT_EQUAL(std::size_t(0), openRings(server));

        // Coming back with its token does not help.
        ann->close();
        visitor::Welcome again;
        auto back = connectVisitor(server, "Ann", again, welcome.token);
        CPPUNIT_ASSERT_EQUAL(welcome.visitor, again.visitor);
        CPPUNIT_ASSERT_EQUAL(std::string(visitor::state::kUnavailable), again.state);
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(AdminVisitorBanTest);

} // namespace ringdesk::admin_tests
