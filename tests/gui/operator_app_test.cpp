// The operator app end to end (PRODUCT.md steps 2-5 seen from the desktop): the real
// ringdesk-operator under Xvfb, logged in to the real server, is rung by a visitor on the
// WebSocket, accepts through its ring list, answers through its chat tab and shows the
// visitor's next message, then survives a server restart with the chat handed back to its
// tab. Beside it a scripted colleague (the session library) wrote a team message while the app
// was offline, sees the app's answer to its live message, and changes its status; a pending
// invitation and an unanswered one are listed. The app is driven by its automation options
// (launch_options.h) and followed through its trace lines; screenshots of each step are saved
// for the docs.
#include "app_process.h"
#include "support/server_process.h"
#include "support/test_peers.h"
#include "support/visitor_client.h"
#include "support/waits.h"
#include "xvfb_display.h"

#include <cppunit/extensions/HelperMacros.h>

#include <Poco/File.h>
#include <Poco/Path.h>

#ifndef RINGDESK_OPERATOR_BIN
#error "RINGDESK_OPERATOR_BIN must name the ringdesk-operator binary (tests/gui/CMakeLists.txt)"
#endif
#ifndef RINGDESK_SCREENSHOT_DIR
#error "RINGDESK_SCREENSHOT_DIR must name the folder for screenshots (tests/gui/CMakeLists.txt)"
#endif

namespace ringdesk::gui_test {
namespace {

using integration::awaitMessage;
using integration::kDeadline;

const std::string kReply = "Hello, Alice here. Give me a moment, I will look into it.";
const std::string kOfflineNote = "Did you see the new rota for next week?";
const std::string kLunch = "Are you free for lunch at one?";

using namespace operator_client;

/// Before the app starts: ben and alice become colleagues, alice invites dave, carol invites
/// alice, and ben (left logged in, returned) writes to alice while she is offline.
std::unique_ptr<OperatorEngine> prepareColleagues(const integration::ServerProcess& server)
{
    auto ben =
        std::make_unique<OperatorEngine>(integration::sessionSettings(server.operatorPort(), "ben", "ben-pw"));
    ben->start();
    integration::awaitSessionLogin(*ben);
    ben->addColleague("alice");
    CPPUNIT_ASSERT(integration::awaitEvent<ColleagueCommandResult>(*ben).done);
    {
        auto alice = integration::connectOperator(server, "alice", "secret", "Alice");
        alice->send(nlchat::FriendAccept{"ben"});
        CPPUNIT_ASSERT_EQUAL(1, integration::awaitPacket<nlchat::FriendResult>(*alice).result);
        alice->send(nlchat::FriendRequest{"dave"});
        CPPUNIT_ASSERT_EQUAL(1, integration::awaitPacket<nlchat::FriendResult>(*alice).result);
        alice->send(nlchat::Disconnect{alice->uuid()});
    }
    auto carol = integration::connectOperator(server, "carol", "carol-pw", "carol");
    carol->send(nlchat::FriendRequest{"alice"});
    CPPUNIT_ASSERT_EQUAL(1, integration::awaitPacket<nlchat::FriendResult>(*carol).result);
    // ben sees alice leave, so his message is stored for her next login.
    integration::awaitEvent<ColleagueStatusChanged>(
        *ben, [](const ColleagueStatusChanged& change) { return change.username == "alice" && change.status == 3; });
    ben->sendTeamMessage("alice", kOfflineNote);
    CPPUNIT_ASSERT(integration::awaitEvent<TeamMessageResult>(*ben).delivery == TeamDelivery::Stored);
    return ben;
}

bool startsWith(const std::string& line, const std::string& prefix)
{
    return line.rfind(prefix, 0) == 0;
}

class OperatorAppTest : public CppUnit::TestFixture
{
    CPPUNIT_TEST_SUITE(OperatorAppTest);
    CPPUNIT_TEST(testRingAcceptAndChat);
    CPPUNIT_TEST(testTlsAndRawModeFromTheCommandLine);
    CPPUNIT_TEST(testLoginDialogShown);
    CPPUNIT_TEST_SUITE_END();

public:
    void testRingAcceptAndChat()
    {
        integration::ServerProcess server;
        server.addUser("alice", "secret", "Alice");
        for (const char* name : {"ben", "carol", "dave"})
            server.addUser(name, std::string(name) + "-pw", name);
        server.start();
        const std::unique_ptr<OperatorEngine> ben = prepareColleagues(server);
        XvfbDisplay display;

        Poco::File(RINGDESK_SCREENSHOT_DIR).createDirectories();
        AppProcess app(RINGDESK_OPERATOR_BIN,
                       {"--server=127.0.0.1:" + std::to_string(server.operatorPort()), "--user=alice",
                        "--password=secret", "--auto-login", "--auto-accept-ring", "--auto-reply=" + kReply,
                        "--screenshot-dir=" RINGDESK_SCREENSHOT_DIR,
                        "--config-file=" + Poco::Path(server.dataDir(), "operator.ini").toString()},
                       display.name());
        app.awaitPrefix("trace: logged-in alice", kDeadline);
        // What waited on the server: carol's invitation and ben's message, marked offline; then
        // the roster the app asks for after the login.
        app.awaitPrefix("trace: invitation-received carol", kDeadline);
        app.awaitPrefix("trace: team-message-shown ben (offline) " + kOfflineNote, kDeadline);
        app.awaitPrefix("trace: roster 1 colleagues, 1 invitations", kDeadline);

        integration::VisitorClient visitor("127.0.0.1", server.httpPort());
        visitor.send(visitor::Hello{"", 0, "Bob", "https://shop.example/checkout"});
        awaitMessage<visitor::Welcome>(visitor);
        visitor.send(visitor::SendMsg{"Hi, my order has not arrived."});

        const std::string id = ringIsShownAcceptedAndOpensATab(app, visitor);
        messagesCrossBothWaysAndAreCaptured(app, visitor, id);
        colleagueStatusAndTeamMessagesAreLive(app, *ben);

        // The server restarts: the app reports the loss, reconnects and logs in by itself, and
        // the server hands the open chat back to the same tab.
        visitor.close();
        server.stop();
        app.awaitPrefix("trace: connection-lost", kDeadline);
        server.start();
        app.awaitPrefix("trace: logged-in alice", kDeadline);
        app.awaitPrefix("trace: chat-resumed " + id, kDeadline);
        // The roster comes again after the new login.
        app.awaitPrefix("trace: roster 1 colleagues, 1 invitations", kDeadline);
    }

    void testTlsAndRawModeFromTheCommandLine()
    {
        integration::ServerProcess server;
        server.enableTls();
        server.addUser("alice", "secret", "Alice");
        server.start();
        XvfbDisplay display;
        const std::string config = "--config-file=" + Poco::Path(server.dataDir(), "operator.ini").toString();
        const std::string address = "--server=127.0.0.1:" + std::to_string(server.operatorTlsPort());

        // Trusting another server's certificate: refused, with the reason, and no retry.
        {
            integration::ServerProcess other;
            other.enableTls();
            other.start();
            AppProcess app(RINGDESK_OPERATOR_BIN,
                           {address, "--tls-ca=" + other.tlsCertificateFile(), "--user=alice", "--password=secret",
                            "--auto-login", "--trace", config},
                           display.name());
            const std::string lost = app.awaitPrefix("trace: connection-lost", kDeadline);
            CPPUNIT_ASSERT_MESSAGE(lost, lost.find("TLS certificate") != std::string::npos);
        }

        // The server's own certificate, and RSA raw mode inside TLS with the key fetched over HTTP.
        AppProcess app(RINGDESK_OPERATOR_BIN,
                       {address, "--tls-ca=" + server.tlsCertificateFile(), "--raw",
                        "--http-port=" + std::to_string(server.httpPort()), "--user=alice", "--password=secret",
                        "--auto-login", "--auto-accept-ring", config},
                       display.name());
        app.awaitPrefix("trace: logged-in alice", kDeadline);
        integration::VisitorClient visitor("127.0.0.1", server.httpPort());
        visitor.send(visitor::Hello{"", 0, "Bob", "https://shop.example/checkout"});
        awaitMessage<visitor::Welcome>(visitor);
        visitor.send(visitor::SendMsg{"Is this private?"});
        const std::string shown = app.awaitPrefix("trace: ring-shown ", kDeadline);
        CPPUNIT_ASSERT_MESSAGE(shown, shown.find("Bob: Is this private?") != std::string::npos);
        const auto connected = awaitMessage<visitor::StateChange>(
            visitor, [](const visitor::StateChange& change) { return change.state == "connected"; });
        CPPUNIT_ASSERT_EQUAL(std::string("Alice"), connected.operatorName);
    }

    // Without --auto-login the app opens with its login dialog, filled from the command line.
    void testLoginDialogShown()
    {
        integration::ServerProcess server;
        server.start();
        XvfbDisplay display;
        Poco::File(RINGDESK_SCREENSHOT_DIR).createDirectories();
        AppProcess app(RINGDESK_OPERATOR_BIN,
                       {"--server=127.0.0.1:" + std::to_string(server.operatorPort()), "--user=alice", "--trace",
                        "--screenshot-dir=" RINGDESK_SCREENSHOT_DIR,
                        "--config-file=" + Poco::Path(server.dataDir(), "operator.ini").toString()},
                       display.name());
        const std::string saved = app.awaitPrefix("trace: screenshot", kDeadline);
        const std::string path = Poco::Path(RINGDESK_SCREENSHOT_DIR, "login.png").toString();
        CPPUNIT_ASSERT_EQUAL("trace: screenshot " + path, saved);
        CPPUNIT_ASSERT(Poco::File(path).getSize() > 0);
    }

private:
    /// The ring is shown, accepted through the ring list, and the chat opens in a tab; the
    /// visitor sees Alice connected. Returns the chat's id.
    static std::string ringIsShownAcceptedAndOpensATab(AppProcess& app, integration::VisitorClient& visitor)
    {
        const std::string ringShown = "trace: ring-shown ";
        const std::string shown = app.awaitPrefix(ringShown, kDeadline);
        CPPUNIT_ASSERT_MESSAGE(shown, shown.find("Bob: Hi, my order has not arrived.") != std::string::npos);
        const std::string id =
            shown.substr(ringShown.size(), shown.find(' ', ringShown.size()) - ringShown.size());
        app.awaitPrefix("trace: ring-won " + id, kDeadline);
        const auto connected = awaitMessage<visitor::StateChange>(
            visitor, [](const visitor::StateChange& change) { return change.state == "connected"; });
        CPPUNIT_ASSERT_EQUAL(std::string("Alice"), connected.operatorName);
        return id;
    }

    /// The visitor's first message reaches the tab and the app answers through the tab's send
    /// path; a message after the reply is shown too; one capture follows each message shown.
    static void messagesCrossBothWaysAndAreCaptured(AppProcess& app, integration::VisitorClient& visitor,
                                                    const std::string& id)
    {
        app.awaitPrefix("trace: message-shown " + id + " Hi, my order has not arrived.", kDeadline);
        app.awaitPrefix("trace: message-sent " + id + " " + kReply, kDeadline);
        const auto reply = awaitMessage<visitor::ChatMessage>(
            visitor, [](const visitor::ChatMessage& message) { return message.fromOperator; });
        CPPUNIT_ASSERT_EQUAL(kReply, reply.text);
        CPPUNIT_ASSERT_EQUAL(std::string("Alice"), reply.operatorName);

        visitor.send(visitor::SendMsg{"Thanks! It is order 1042."});
        app.awaitPrefix("trace: message-shown " + id + " Thanks! It is order 1042.", kDeadline);
        // The second capture shows the whole exchange.
        const auto messageCapture = [](const std::string& line) {
            return startsWith(line, "trace: screenshot") && line.find("-message.png") != std::string::npos;
        };
        app.awaitLine(messageCapture, "screenshot after the first message", kDeadline);
        const std::string screenshot =
            app.awaitLine(messageCapture, "screenshot after the second message", kDeadline);
        CPPUNIT_ASSERT_MESSAGE(screenshot, startsWith(screenshot, "trace: screenshot /"));
        const Poco::File png(screenshot.substr(std::string("trace: screenshot ").size()));
        CPPUNIT_ASSERT(png.exists() && png.getSize() > 1000);
    }

    /// The colleague goes Away and writes: the app shows both live, and answers through the
    /// team tab's send path; ben receives the answer, and the team tab is captured.
    static void colleagueStatusAndTeamMessagesAreLive(AppProcess& app, OperatorEngine& ben)
    {
        ben.setStatus(1);
        app.awaitPrefix("trace: colleague-status ben Away", kDeadline);
        ben.sendTeamMessage("alice", kLunch);
        app.awaitPrefix("trace: team-message-shown ben " + kLunch, kDeadline);
        app.awaitPrefix("trace: team-message-sent ben " + kReply, kDeadline);
        const TeamMessageReceived answer = integration::awaitEvent<TeamMessageReceived>(ben);
        CPPUNIT_ASSERT_EQUAL(kReply, answer.text);
        CPPUNIT_ASSERT_EQUAL(std::string("alice"), answer.from);
        CPPUNIT_ASSERT(!answer.offline);
        const std::string teamShot = app.awaitLine(
            [](const std::string& line) {
                return startsWith(line, "trace: screenshot") && line.find("-team-reply.png") != std::string::npos;
            },
            "screenshot of the team tab", kDeadline);
        CPPUNIT_ASSERT(Poco::File(teamShot.substr(std::string("trace: screenshot ").size())).exists());
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(OperatorAppTest);

} // namespace
} // namespace ringdesk::gui_test
