// Bans and forced logouts that take effect at once, against the real server with operator
// (NL chat) and IMS clients and a visitor WebSocket, driven by the real ringdesk-admin.
#include "admin_tool.h"
#include "support/ims_client.h"
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
using integration::kHost;
using integration::ServerProcess;
using operator_client::NlchatClient;

/// The promise: a banned or logged-out user is disconnected within a second of the
/// admin tool's answer (the answer comes after the server handed the logout to the sockets).
constexpr std::chrono::milliseconds kAtOnce{1000};

/// True when the server closes `connection` within `timeout`; packets before the end are
/// skipped.
bool closedWithin(NlchatClient& connection, std::chrono::milliseconds timeout)
{
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    try {
        while (std::chrono::steady_clock::now() < deadline)
            connection.receive(std::chrono::duration_cast<std::chrono::milliseconds>(
                deadline - std::chrono::steady_clock::now()));
    } catch (const operator_client::ConnectionError&) {
        return true;
    }
    return false;
}

/// The next LOGOUT document the IMS client gets within kAtOnce (others are skipped), or
/// "(closed)".
std::string nextLogout(ims_tests::ImsClient& ims)
{
    std::optional<std::string> document;
    do
        document = ims.next(kAtOnce);
    while (document && document->find("<LOGOUT") == std::string::npos);
    return document.value_or("(closed)");
}

/// Logs in on a new connection and returns the login result (0, 1, 2).
int loginResult(const ServerProcess& server, const std::string& username, const std::string& password)
{
    NlchatClient connection;
    connection.connect(kHost, server.operatorPort(), integration::kDeadline);
    return connection.login(username, password, integration::kDeadline).result;
}

std::size_t count(const Poco::JSON::Array& rows, const std::string& key, const std::string& value)
{
    std::size_t found = 0;
    for (std::size_t i = 0; i < rows.size(); ++i)
        found += rows.getObject(static_cast<unsigned>(i))->optValue<std::string>(key, "") == value;
    return found;
}

} // namespace

class AdminLiveTest : public CppUnit::TestFixture
{
    CPPUNIT_TEST_SUITE(AdminLiveTest);
    CPPUNIT_TEST(testBanDuringLiveChatRequeuesTheConversation);
    CPPUNIT_TEST(testForcedLogoutEndsImsAndOperatorSessions);
    CPPUNIT_TEST(testLiveViews);
    CPPUNIT_TEST_SUITE_END();

public:
    void testBanDuringLiveChatRequeuesTheConversation()
    {
        ServerProcess server;
        server.addUser("alice", "alice-pw", "Alice");
        server.addUser("carol", "carol-pw", "Carol");
        server.start();
        auto alice = connectOperator(server, "alice", "alice-pw", "Alice");
        auto carol = connectOperator(server, "carol", "carol-pw", "Carol");
        ims_tests::ImsClient aliceIms(server.imsPort());
        CPPUNIT_ASSERT_EQUAL(std::string("<LOGIN user=\"alice\" result=\"1\"/>"), aliceIms.login("alice", "alice-pw"));

        visitor::Welcome welcome;
        auto ann = connectVisitor(server, "Ann", welcome);
        ann->send(visitor::SendMsg{"Where is my parcel?"});
        const std::int64_t id = awaitPacket<nlchat::Ring>(*alice).id;
        CPPUNIT_ASSERT_EQUAL(id, awaitPacket<nlchat::Ring>(*carol).id);
        alice->send(nlchat::RingAck{alice->uuid(), id});
        awaitPacket<nlchat::RingAckAck>(*carol, [&](const nlchat::RingAckAck& a) { return a.uuid == alice->uuid(); });
        awaitMessage<visitor::StateChange>(*ann, [](const visitor::StateChange& s) {
            return s.state == visitor::state::kConnected;
        });

        const ToolResult ban = runAdmin(server, {"ban", "user", "alice", "--reason", "abusive", "--json", "--as", "root-admin"});
        CPPUNIT_ASSERT_EQUAL_MESSAGE(ban.describe(), 0, ban.code);
        CPPUNIT_ASSERT_EQUAL(Poco::UInt64(2), ban.json()->getValue<Poco::UInt64>("sessions_ended"));
        CPPUNIT_ASSERT_EQUAL(std::string("applied"), ban.json()->getValue<std::string>("server"));

        // Alice is told and disconnected at once, on both connections...
        const auto logout = awaitPacket<nlchat::Logout>(*alice, kAtOnce);
        CPPUNIT_ASSERT_EQUAL(std::string("banned: abusive"), logout.reason);
        CPPUNIT_ASSERT(closedWithin(*alice, kAtOnce));
        CPPUNIT_ASSERT_EQUAL(std::string("<LOGOUT user=\"alice\" result=\"1\"/>"), nextLogout(aliceIms));
        CPPUNIT_ASSERT(aliceIms.closedWithin(kAtOnce));
        // ...the conversation goes back to the queue: Carol is rung again, Ann waits again.
        CPPUNIT_ASSERT_EQUAL(id, awaitPacket<nlchat::Ring>(*carol).id);
        awaitMessage<visitor::StateChange>(*ann, [&](const visitor::StateChange& s) {
            return s.state == visitor::state::kRinging && s.conversation == id;
        });
        carol->send(nlchat::RingAck{carol->uuid(), id});
        CPPUNIT_ASSERT_EQUAL(std::string("Carol"),
                             awaitMessage<visitor::StateChange>(*ann, [](const visitor::StateChange& s) {
                                 return s.state == visitor::state::kConnected;
                             }).operatorName);

        // A new login is refused with result 2 (banned) on both protocols until the ban is lifted.
        CPPUNIT_ASSERT_EQUAL(static_cast<int>(nlchat::LoginResult::kBanned),
                             loginResult(server, "alice", "alice-pw"));
        ims_tests::ImsClient again(server.imsPort());
        CPPUNIT_ASSERT_EQUAL(std::string("<LOGIN user=\"alice\" result=\"2\"/>"), again.login("alice", "alice-pw"));
        const ToolResult unban = runAdmin(server, {"unban", "user", "alice"});
        CPPUNIT_ASSERT_EQUAL_MESSAGE(unban.describe(), 0, unban.code);
        CPPUNIT_ASSERT_EQUAL(static_cast<int>(nlchat::LoginResult::kOk), loginResult(server, "alice", "alice-pw"));

        // Both actions are in the audit log under the name given with --as.
        const ToolResult audit = runAdmin(server, {"audit", "--json", "--as", "root-admin"});
        CPPUNIT_ASSERT_EQUAL_MESSAGE(audit.describe(), 0, audit.code);
        const Poco::JSON::Array::Ptr rows = audit.jsonArray();
        CPPUNIT_ASSERT_EQUAL(std::size_t(1), rows->size());
        const Poco::JSON::Object::Ptr row = rows->getObject(0);
        CPPUNIT_ASSERT_EQUAL(std::string("ban user"), row->getValue<std::string>("action"));
        CPPUNIT_ASSERT_EQUAL(std::string("ok"), row->getValue<std::string>("outcome"));
        CPPUNIT_ASSERT_EQUAL(std::string("cli"), row->getValue<std::string>("source"));
        CPPUNIT_ASSERT(row->getValue<std::string>("arguments").find("\"reason\":\"abusive\"") != std::string::npos);
    }

    void testForcedLogoutEndsImsAndOperatorSessions()
    {
        ServerProcess server;
        server.addUser("bob", "bob-pw", "Bob");
        server.start();
        auto op = connectOperator(server, "bob", "bob-pw", "Bob");
        ims_tests::ImsClient ims(server.imsPort());
        CPPUNIT_ASSERT_EQUAL(std::string("<LOGIN user=\"bob\" result=\"1\"/>"), ims.login("bob", "bob-pw"));

        const ToolResult logout = runAdmin(server, {"logout", "bob", "--json", "--as", "shift-lead"});
        CPPUNIT_ASSERT_EQUAL_MESSAGE(logout.describe(), 0, logout.code);
        CPPUNIT_ASSERT_EQUAL(Poco::UInt64(2), logout.json()->getValue<Poco::UInt64>("sessions_ended"));

        CPPUNIT_ASSERT_EQUAL(std::string("logged out by an administrator"),
                             awaitPacket<nlchat::Logout>(*op, kAtOnce).reason);
        CPPUNIT_ASSERT(closedWithin(*op, kAtOnce));
        CPPUNIT_ASSERT_EQUAL(std::string("<LOGOUT user=\"bob\" result=\"1\"/>"), nextLogout(ims));
        CPPUNIT_ASSERT(ims.closedWithin(kAtOnce));

        // Not a ban: bob may log in again.
        CPPUNIT_ASSERT_EQUAL(static_cast<int>(nlchat::LoginResult::kOk), loginResult(server, "bob", "bob-pw"));

        // The server recorded the logout; an unknown user is refused and recorded too.
        const ToolResult unknown = runAdmin(server, {"logout", "nobody"});
        CPPUNIT_ASSERT_EQUAL_MESSAGE(unknown.describe(), 1, unknown.code);
        CPPUNIT_ASSERT_MESSAGE(unknown.describe(), unknown.err.find("no such user: nobody") != std::string::npos);
        const ToolResult audit = runAdmin(server, {"audit", "--json"});
        const Poco::JSON::Array::Ptr rows = audit.jsonArray();
        CPPUNIT_ASSERT_EQUAL(std::string("failed: no such user"), rows->getObject(0)->getValue<std::string>("outcome"));
        const Poco::JSON::Object::Ptr done = rows->getObject(1);
        CPPUNIT_ASSERT_EQUAL(std::string("logout"), done->getValue<std::string>("action"));
        CPPUNIT_ASSERT_EQUAL(std::string("api"), done->getValue<std::string>("source"));
        CPPUNIT_ASSERT_EQUAL(std::string("shift-lead"), done->getValue<std::string>("admin"));
        CPPUNIT_ASSERT_EQUAL(std::string("ok: 2 sessions ended"), done->getValue<std::string>("outcome"));
    }

    void testLiveViews()
    {
        ServerProcess server;
        server.addUser("dora", "dora-pw", "Dora");
        server.start();
        auto op = connectOperator(server, "dora", "dora-pw", "Dora");
        ims_tests::ImsClient ims(server.imsPort());
        ims.login("dora", "dora-pw");
        visitor::Welcome welcome;
        auto ann = connectVisitor(server, "Ann", welcome);
        ann->send(visitor::SendMsg{"Hello?"});
        const std::int64_t id = awaitPacket<nlchat::Ring>(*op).id;

        const ToolResult sessions = runAdmin(server, {"sessions", "--json"});
        CPPUNIT_ASSERT_EQUAL_MESSAGE(sessions.describe(), 0, sessions.code);
        const Poco::JSON::Array::Ptr rows = sessions.jsonArray();
        CPPUNIT_ASSERT_EQUAL_MESSAGE(sessions.out, std::size_t(2), count(*rows, "username", "dora"));
        CPPUNIT_ASSERT_EQUAL(std::size_t(1), count(*rows, "protocol", "nlchat"));
        CPPUNIT_ASSERT_EQUAL(std::size_t(1), count(*rows, "protocol", "ims"));
        for (std::size_t i = 0; i < rows->size(); ++i) {
            const Poco::JSON::Object::Ptr row = rows->getObject(static_cast<unsigned>(i));
            CPPUNIT_ASSERT_EQUAL(std::string("Online"), row->getValue<std::string>("status"));
            CPPUNIT_ASSERT(row->getValue<std::string>("address").rfind("127.0.0.1:", 0) == 0);
            CPPUNIT_ASSERT(row->getValue<Poco::Int64>("since") > 0);
        }

        // Visitor sockets only on request.
        CPPUNIT_ASSERT_EQUAL(std::size_t(0), count(*rows, "protocol", "visitor"));
        const ToolResult all = runAdmin(server, {"sessions", "--visitors", "--json"});
        CPPUNIT_ASSERT_EQUAL_MESSAGE(all.describe(), 0, all.code);
        const Poco::JSON::Array::Ptr withVisitors = all.jsonArray();
        CPPUNIT_ASSERT_EQUAL_MESSAGE(all.out, std::size_t(1), count(*withVisitors, "protocol", "visitor"));
        CPPUNIT_ASSERT_EQUAL(std::size_t(1), count(*withVisitors, "username", welcome.visitor));
        CPPUNIT_ASSERT_EQUAL(std::size_t(1), count(*withVisitors, "status", "chatting"));

        const ToolResult rings = runAdmin(server, {"rings", "--json"});
        CPPUNIT_ASSERT_EQUAL_MESSAGE(rings.describe(), 0, rings.code);
        const Poco::JSON::Array::Ptr open = rings.jsonArray();
        CPPUNIT_ASSERT_EQUAL_MESSAGE(rings.out, std::size_t(1), open->size());
        const Poco::JSON::Object::Ptr ring = open->getObject(0);
        CPPUNIT_ASSERT_EQUAL(id, ring->getValue<std::int64_t>("id"));
        CPPUNIT_ASSERT_EQUAL(std::string("ringing"), ring->getValue<std::string>("state"));
        CPPUNIT_ASSERT_EQUAL(welcome.visitor, ring->getValue<std::string>("visitor"));
        CPPUNIT_ASSERT_EQUAL(std::string("Ann"), ring->getValue<std::string>("visitor_name"));
        CPPUNIT_ASSERT_EQUAL(std::string("127.0.0.1"), ring->getValue<std::string>("address"));
        CPPUNIT_ASSERT_EQUAL(1, ring->getValue<int>("operators_rung"));

        // The tables name the same things for people.
        const ToolResult table = runAdmin(server, {"sessions"});
        CPPUNIT_ASSERT_EQUAL_MESSAGE(table.describe(), 0, table.code);
        CPPUNIT_ASSERT(table.out.rfind("username", 0) == 0);
        CPPUNIT_ASSERT(table.out.find("nlchat") != std::string::npos);
        CPPUNIT_ASSERT(table.out.find("ims") != std::string::npos);
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(AdminLiveTest);

} // namespace ringdesk::admin_tests
