// ringdesk-admin's contract: exit codes, --json output, the token, working while the server is
// down, temporary bans, user management and the audit log.
#include "admin_tool.h"
#include "server/store/ban_repository.h"
#include "server/store/database.h"
#include "server/store/friend_repository.h"
#include "server/store/offline_message_repository.h"
#include "support/server_process.h"
#include "support/test_peers.h"
#include "support/waits.h"

#include <Poco/FileStream.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Path.h>

#include <cppunit/extensions/HelperMacros.h>

#include <thread>

namespace ringdesk::admin_tests {
namespace {

using integration::kHost;
using integration::ServerProcess;
using operator_client::NlchatClient;

int loginResult(const ServerProcess& server, const std::string& username, const std::string& password)
{
    NlchatClient connection;
    connection.connect(kHost, server.operatorPort(), integration::kDeadline);
    return connection.login(username, password, integration::kDeadline).result;
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

std::string writeFile(const ServerProcess& server, const std::string& name, const std::string& text)
{
    const std::string path = Poco::Path(Poco::Path(server.dataDir()), name).toString();
    Poco::FileOutputStream out(path);
    out << text;
    return path;
}

} // namespace

class AdminCliTest : public CppUnit::TestFixture
{
    CPPUNIT_TEST_SUITE(AdminCliTest);
    CPPUNIT_TEST(testWrongOrMissingTokenIsRefused);
    CPPUNIT_TEST(testDatabaseActionsWorkWhileTheServerIsDown);
    CPPUNIT_TEST(testTemporaryBanRefusesLoginsAndEndedBansAreListedExpired);
    CPPUNIT_TEST(testExitCodes);
    CPPUNIT_TEST(testUserManagement);
    CPPUNIT_TEST(testAdminPortFromTheReadyFile);
    CPPUNIT_TEST_SUITE_END();

public:
    void testWrongOrMissingTokenIsRefused()
    {
        ServerProcess server;
        server.start();
        const std::string wrong = writeFile(server, "wrong.token", std::string(64, '0') + "\n");
        const ToolResult refused = runAdmin(server, {"sessions", "--token-file=" + wrong});
        CPPUNIT_ASSERT_EQUAL_MESSAGE(refused.describe(), 1, refused.code);
        CPPUNIT_ASSERT_MESSAGE(refused.describe(), contains(refused.err, "refused the admin token"));

        const ToolResult missing = runAdmin(server, {"sessions", "--token-file=" + server.dataDir() + "/none.token"});
        CPPUNIT_ASSERT_EQUAL_MESSAGE(missing.describe(), 1, missing.code);
        CPPUNIT_ASSERT_MESSAGE(missing.describe(), contains(missing.err, "cannot read the admin token file"));

        // The right token, from the data folder, is accepted.
        const ToolResult ok = runAdmin(server, {"sessions"});
        CPPUNIT_ASSERT_EQUAL_MESSAGE(ok.describe(), 0, ok.code);

        // Without any token the API answers 401 as well.
        Poco::Net::HTTPClientSession session(kHost, server.adminPort());
        Poco::Net::HTTPRequest request(Poco::Net::HTTPRequest::HTTP_GET, "/admin/v1/sessions");
        session.sendRequest(request);
        Poco::Net::HTTPResponse response;
        session.receiveResponse(response);
        CPPUNIT_ASSERT_EQUAL(Poco::Net::HTTPResponse::HTTP_UNAUTHORIZED, response.getStatus());
    }

    void testDatabaseActionsWorkWhileTheServerIsDown()
    {
        ServerProcess server;
        server.addUser("gina", "gina-pw", "Gina");
        server.start();
        const std::uint16_t port = server.adminPort();
        CPPUNIT_ASSERT_EQUAL(0, server.stop());

        // A ban is stored; the tool says that the server is not running, and succeeds.
        const ToolResult ban = runAdmin(server, {"ban", "user", "gina", "--json"});
        CPPUNIT_ASSERT_EQUAL_MESSAGE(ban.describe(), 0, ban.code);
        CPPUNIT_ASSERT_EQUAL(std::string("not running"), ban.json()->getValue<std::string>("server"));
        CPPUNIT_ASSERT_MESSAGE(ban.describe(), contains(ban.err, "not reachable"));
        // Live actions fail clearly.
        for (const std::vector<std::string>& live : {std::vector<std::string>{"sessions"},
                                                     std::vector<std::string>{"rings"},
                                                     std::vector<std::string>{"logout", "gina"}}) {
            const ToolResult down = runAdmin(server, live);
            CPPUNIT_ASSERT_EQUAL_MESSAGE(down.describe(), 1, down.code);
            CPPUNIT_ASSERT_MESSAGE(down.describe(), contains(down.err, "not reachable"));
        }

        // The server started later refuses the banned login.
        server.start();
        CPPUNIT_ASSERT_EQUAL(port, server.adminPort());
        CPPUNIT_ASSERT_EQUAL(static_cast<int>(nlchat::LoginResult::kBanned),
                             loginResult(server, "gina", "gina-pw"));

        // Every action was recorded, the failed logout included.
        const ToolResult audit = runAdmin(server, {"audit", "--json"});
        const Poco::JSON::Array::Ptr rows = audit.jsonArray();
        CPPUNIT_ASSERT_EQUAL_MESSAGE(audit.out, std::string("logout"), rows->getObject(0)->getValue<std::string>("action"));
        CPPUNIT_ASSERT(rows->getObject(0)->getValue<std::string>("outcome").rfind("failed: ", 0) == 0);
        CPPUNIT_ASSERT_EQUAL(std::string("ban user"), rows->getObject(1)->getValue<std::string>("action"));
    }

    // A temporary ban refuses logins while it lasts; `bans` lists active bans only and --all
    // marks an ended one expired. That a ban ends by itself as time passes is tested on a
    // manual clock (front_end_tests, testBanEndsOnTheManualClock): this test used to ban for
    // 2 s and poll the real server until it ran out.
    void testTemporaryBanRefusesLoginsAndEndedBansAreListedExpired()
    {
        ServerProcess server;
        server.addUser("hank", "hank-pw", "Hank");
        server.addUser("ivy", "ivy-pw", "Ivy");
        {
            Poco::Data::Session session = store::openDatabase(server.databasePath());
            store::BanRepository(session).add(store::ban_kind::kUser, "ivy", "cool down", "admin", 0,
                                              1000); // long over
        }
        server.start();
        const ToolResult ban = runAdmin(server, {"ban", "user", "hank", "--for", "2s", "--reason", "cool down"});
        CPPUNIT_ASSERT_EQUAL_MESSAGE(ban.describe(), 0, ban.code);
        CPPUNIT_ASSERT_EQUAL(static_cast<int>(nlchat::LoginResult::kBanned),
                             loginResult(server, "hank", "hank-pw"));
        const Poco::JSON::Array::Ptr listed = runAdmin(server, {"bans", "--json"}).jsonArray();
        CPPUNIT_ASSERT_EQUAL(std::size_t(1), listed->size());
        CPPUNIT_ASSERT_EQUAL(std::string("hank"), listed->getObject(0)->getValue<std::string>("subject"));
        CPPUNIT_ASSERT(!listed->getObject(0)->getValue<std::string>("until").empty());

        // The ended ban no longer refuses, and only --all lists it, marked expired.
        CPPUNIT_ASSERT_EQUAL(static_cast<int>(nlchat::LoginResult::kOk), loginResult(server, "ivy", "ivy-pw"));
        const Poco::JSON::Array::Ptr all = runAdmin(server, {"bans", "--all", "--json"}).jsonArray();
        CPPUNIT_ASSERT_EQUAL(std::size_t(2), all->size());
        bool sawExpired = false;
        for (std::size_t i = 0; i < all->size(); ++i) {
            const Poco::JSON::Object::Ptr row = all->getObject(static_cast<unsigned>(i));
            if (row->getValue<std::string>("subject") != "ivy")
                continue;
            sawExpired = true;
            CPPUNIT_ASSERT_EQUAL(std::string("expired"), row->getValue<std::string>("state"));
            CPPUNIT_ASSERT_EQUAL(std::string("cool down"), row->getValue<std::string>("reason"));
        }
        CPPUNIT_ASSERT(sawExpired);
    }

    void testExitCodes()
    {
        ServerProcess server;
        server.start();
        const auto expect = [&](int code, const std::vector<std::string>& args, const std::string& message) {
            const ToolResult result = runAdmin(server, args);
            CPPUNIT_ASSERT_EQUAL_MESSAGE(result.describe(), code, result.code);
            CPPUNIT_ASSERT_MESSAGE(result.describe(), contains(result.err, message));
        };
        expect(2, {}, "Commands");
        expect(2, {"frobnicate"}, "unknown command 'frobnicate'");
        expect(2, {"--no-such-option", "bans"}, "no-such-option");
        expect(2, {"ban", "user"}, "usage: ringdesk-admin ban");
        expect(2, {"ban", "visitor", "not-an-address"}, "is not a visitor id");
        expect(2, {"ban", "user", "x", "--for", "soon"}, "is not a duration");
        expect(1, {"ban", "user", "ghost"}, "no such user: ghost");
        expect(1, {"unban", "user", "ghost"}, "is not banned");
        expect(1, {"user", "show", "ghost"}, "no such user: ghost");
        expect(1, {"user", "passwd", "ghost", "--password=x"}, "no such user: ghost");
        expect(2, {"user", "set-role", "ghost", "king"}, "role must be operator or admin");
        const ToolResult help = runAdmin(server, {"--help"});
        CPPUNIT_ASSERT_EQUAL(0, help.code);
        CPPUNIT_ASSERT(contains(help.out, "ban user NAME"));
    }

    void testAdminPortFromTheReadyFile()
    {
        ServerProcess server; // started with --admin-port=0 and a ready file in its data folder
        server.start();
        const std::vector<std::string> args{"--data-dir=" + server.dataDir(), "-Dringdesk.admin.port=0",
                                            "-Dringdesk.readyFile=" + server.dataDir() + "/ready.json",
                                            "sessions"};
        const ToolResult found = runAdminRaw(args);
        CPPUNIT_ASSERT_EQUAL_MESSAGE(found.describe(), 0, found.code);
        CPPUNIT_ASSERT_EQUAL(0, server.stop());
        const ToolResult stopped = runAdminRaw(args);
        CPPUNIT_ASSERT_EQUAL_MESSAGE(stopped.describe(), 1, stopped.code);
        CPPUNIT_ASSERT_MESSAGE(stopped.describe(), contains(stopped.err, "no ready file names the port"));
    }

    void testUserManagement()
    {
        ServerProcess server;
        server.start();
        const std::string file = writeFile(server, "users.csv",
                                           "# name,password,display name,role\n"
                                           "ivy,ivy-pw,Ivy Ives\n"
                                           "jack,jack-pw,Jack,admin\n"
                                           "kim,kim-pw\n");
        const ToolResult imported = runAdmin(server, {"user", "import", file, "--kdf-iterations=1000", "--json"});
        CPPUNIT_ASSERT_EQUAL_MESSAGE(imported.describe(), 0, imported.code);
        CPPUNIT_ASSERT_EQUAL(Poco::UInt64(3), imported.json()->getValue<Poco::UInt64>("added"));
        const ToolResult again = runAdmin(server, {"user", "import", file, "--kdf-iterations=1000", "--json"});
        CPPUNIT_ASSERT_EQUAL(Poco::UInt64(0), again.json()->getValue<Poco::UInt64>("added"));
        CPPUNIT_ASSERT_EQUAL(Poco::UInt64(3), again.json()->getValue<Poco::UInt64>("already_existed"));
        const std::string bad = writeFile(server, "bad.csv", "lee,pw\nno password line\n");
        const ToolResult refused = runAdmin(server, {"user", "import", bad, "--kdf-iterations=1000"});
        CPPUNIT_ASSERT_EQUAL_MESSAGE(refused.describe(), 1, refused.code);
        CPPUNIT_ASSERT(contains(refused.err, "line 2"));
        CPPUNIT_ASSERT_EQUAL(static_cast<int>(nlchat::LoginResult::kOk), loginResult(server, "ivy", "ivy-pw"));

        const Poco::JSON::Array::Ptr users = runAdmin(server, {"user", "list", "--json"}).jsonArray();
        CPPUNIT_ASSERT_EQUAL(std::size_t(3), users->size());
        CPPUNIT_ASSERT_EQUAL(std::string("admin"), users->getObject(1)->getValue<std::string>("role"));

        CPPUNIT_ASSERT_EQUAL(0, runAdmin(server, {"user", "set-role", "ivy", "admin"}).code);
        CPPUNIT_ASSERT_EQUAL(0, runAdmin(server, {"user", "passwd", "ivy", "--kdf-iterations=1000"}, "new-pw\n").code);
        CPPUNIT_ASSERT_EQUAL(static_cast<int>(nlchat::LoginResult::kOk), loginResult(server, "ivy", "new-pw"));
        const Poco::JSON::Object::Ptr shown = runAdmin(server, {"user", "show", "ivy", "--json"}).json();
        CPPUNIT_ASSERT_EQUAL(std::string("admin"), shown->getValue<std::string>("role"));
        CPPUNIT_ASSERT_EQUAL(std::string("Ivy Ives"), shown->getValue<std::string>("display_name"));
        CPPUNIT_ASSERT_EQUAL(std::string("no"), shown->getValue<std::string>("banned"));

        // Kim is logged in; it has a friend, an invitation it sent, a message waiting for its
        // next login and one it sent.
        auto kim = integration::connectOperator(server, "kim", "kim-pw", "kim");
        {
            Poco::Data::Session db = store::openDatabase(server.databasePath());
            store::FriendRepository friends(db);
            CPPUNIT_ASSERT(friends.invite("ivy", "kim", 1) && friends.accept("kim", "ivy"));
            CPPUNIT_ASSERT(friends.invite("kim", "jack", 1));
            store::OfflineMessageRepository messages(db);
            messages.store("ivy", "kim", "see you tomorrow", 1);
            messages.store("kim", "jack", "handing over", 1);
        }
        // Deleting a logged-in user ends its session at once and the login stops working.
        const ToolResult deleted = runAdmin(server, {"user", "delete", "kim", "--json"});
        CPPUNIT_ASSERT_EQUAL_MESSAGE(deleted.describe(), 0, deleted.code);
        CPPUNIT_ASSERT_EQUAL(Poco::UInt64(1), deleted.json()->getValue<Poco::UInt64>("sessions_ended"));
        CPPUNIT_ASSERT_EQUAL(Poco::UInt64(1), deleted.json()->getValue<Poco::UInt64>("friendships_removed"));
        CPPUNIT_ASSERT_EQUAL(Poco::UInt64(1), deleted.json()->getValue<Poco::UInt64>("offline_messages_removed"));
        {
            // Its friendships and invitations are gone both ways; what it sent to jack stays.
            Poco::Data::Session db = store::openDatabase(server.databasePath());
            store::FriendRepository friends(db);
            CPPUNIT_ASSERT(friends.friendsOf("ivy").empty());
            CPPUNIT_ASSERT(friends.pendingInvitersOf("jack").empty());
            const auto waiting = store::OfflineMessageRepository(db).undelivered("jack");
            CPPUNIT_ASSERT_EQUAL(std::size_t(1), waiting.size());
            CPPUNIT_ASSERT_EQUAL(std::string("kim"), waiting.front().sender);
        }
        CPPUNIT_ASSERT_EQUAL(std::string("account deleted"), integration::awaitPacket<nlchat::Logout>(*kim).reason);
        CPPUNIT_ASSERT_EQUAL(static_cast<int>(nlchat::LoginResult::kWrongCredentials),
                             loginResult(server, "kim", "kim-pw"));

        // Each change is one audit row, the password change without the password.
        const Poco::JSON::Array::Ptr rows = runAdmin(server, {"audit", "--json"}).jsonArray();
        std::vector<std::string> actions;
        for (std::size_t i = 0; i < rows->size(); ++i) {
            actions.push_back(rows->getObject(static_cast<unsigned>(i))->getValue<std::string>("action"));
            CPPUNIT_ASSERT(!contains(rows->getObject(static_cast<unsigned>(i))->getValue<std::string>("arguments"), "new-pw"));
        }
        const std::vector<std::string> expected{"user delete", "user passwd", "user set-role",
                                                "user import", "user import", "user import"};
        CPPUNIT_ASSERT(expected == actions);
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(AdminCliTest);

} // namespace ringdesk::admin_tests
