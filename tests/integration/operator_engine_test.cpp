// The operator session library (operator-client/session/operator_engine.h) as the desktop
// app uses it, against the real server: events for the whole ring and chat flow, rings taken
// by others and timed out, a server restart survived with the chat handed back and repeated
// messages dropped, and the failure paths (silent server, nobody listening, wrong password).
#include "operator-client/session/operator_engine.h"
#include "operator-client/session/server_key.h"
#include "support/client_keys.h"
#include "support/server_process.h"
#include "support/test_peers.h"
#include "support/waits.h"

#include <Poco/Net/ServerSocket.h>

#include <cppunit/extensions/HelperMacros.h>

#include <atomic>

namespace ringdesk::integration {

using namespace operator_client;
using std::chrono::milliseconds;

class OperatorEngineTest : public CppUnit::TestFixture
{
    CPPUNIT_TEST_SUITE(OperatorEngineTest);
    CPPUNIT_TEST(testRingChatAndEndThroughEvents);
    CPPUNIT_TEST(testRingTakenByAnother);
    CPPUNIT_TEST(testChatSurvivesServerRestart);
    CPPUNIT_TEST(testSilentServerIsDropped);
    CPPUNIT_TEST(testReconnectDelaysGrow);
    CPPUNIT_TEST(testWrongPasswordStopsTheSession);
    CPPUNIT_TEST(testAwayOperatorIsNotRung);
    CPPUNIT_TEST_SUITE_END();

public:
    void testRingChatAndEndThroughEvents()
    {
        ServerProcess server;
        server.addUser("ivy", "ivy-secret", "Ivy Ives");
        server.start();
        SessionSettings settings = sessionSettings(server.operatorPort(), "ivy", "ivy-secret");
        settings.encryption = Encryption{clientKey2048(0), fetchServerKey(kHost, server.httpPort(), kDeadline)};
        std::atomic<int> wakeups{0};
        OperatorEngine session(settings, [&wakeups] { ++wakeups; });
        session.start();
        CPPUNIT_ASSERT_EQUAL(std::string("Ivy Ives"), awaitSessionLogin(session).displayName);

        visitor::Welcome welcome;
        auto visitor = connectVisitor(server, "Jill", welcome);
        visitor->send(visitor::SendMsg{"Where is my parcel?"});
        const nlchat::Ring ring = awaitEvent<RingOffered>(session).ring;
        CPPUNIT_ASSERT_EQUAL(std::string("Jill"), ring.name);
        CPPUNIT_ASSERT_EQUAL(std::size_t(1), session.pendingRings().size());

        session.accept(ring.id);
        const RingWon won = awaitEvent<RingWon>(session);
        CPPUNIT_ASSERT_EQUAL(ring.id, won.id);
        CPPUNIT_ASSERT(!won.resumed);
        const MessageReceived first = awaitEvent<MessageReceived>(session);
        CPPUNIT_ASSERT_EQUAL(ring.id, first.chatId);
        CPPUNIT_ASSERT_EQUAL(std::int64_t(1), first.seq);
        CPPUNIT_ASSERT_EQUAL(std::string("Where is my parcel?"), first.text);
        CPPUNIT_ASSERT(session.pendingRings().empty());
        const std::vector<ChatInfo> chats = session.openChats();
        CPPUNIT_ASSERT_EQUAL(std::size_t(1), chats.size());
        CPPUNIT_ASSERT_EQUAL(std::string("Jill"), chats[0].visitorName);
        CPPUNIT_ASSERT_EQUAL(welcome.visitor, chats[0].visitor);

        session.sendChatState(ring.id, "composing");
        session.sendMessage(ring.id, "It left the warehouse today.");
        CPPUNIT_ASSERT_EQUAL(std::string("composing"), awaitMessage<visitor::OperatorChatState>(*visitor).state);
        const auto reply = awaitMessage<visitor::ChatMessage>(
            *visitor, [](const visitor::ChatMessage& m) { return m.fromOperator; });
        CPPUNIT_ASSERT_EQUAL(std::string("It left the warehouse today."), reply.text);
        CPPUNIT_ASSERT_EQUAL(std::string("Ivy Ives"), reply.operatorName);

        visitor->send(visitor::SendChatState{"composing"});
        visitor->send(visitor::SendMsg{longNonAsciiText(600)});
        CPPUNIT_ASSERT_EQUAL(std::string("composing"), awaitEvent<ChatStateChanged>(session).state);
        const MessageReceived second = awaitEvent<MessageReceived>(session);
        CPPUNIT_ASSERT_EQUAL(longNonAsciiText(600), second.text);
        CPPUNIT_ASSERT(second.seq > first.seq);

        session.endChat(ring.id);
        CPPUNIT_ASSERT_EQUAL(ring.id, awaitEvent<ChatEnded>(session).chatId);
        awaitMessage<visitor::StateChange>(
            *visitor, [](const visitor::StateChange& s) { return s.state == visitor::state::kEnded; });
        CPPUNIT_ASSERT(session.openChats().empty());

        session.disconnect();
        CPPUNIT_ASSERT(!awaitEvent<ConnectionLost>(session).retryIn.has_value());
        CPPUNIT_ASSERT(wakeups > 0);
    }

    void testAwayOperatorIsNotRung()
    {
        ServerProcess server;
        server.addUser("kim", "kim-secret", "Kim");
        server.start();
        OperatorEngine session(sessionSettings(server.operatorPort(), "kim", "kim-secret"), [] {});
        session.start();
        awaitSessionLogin(session);

        session.setStatus(1); // Away
        // The server answers commands in order: once this error is back, set_status was applied.
        session.endChat(424242);
        awaitEvent<ErrorReceived>(session);

        visitor::Welcome welcome;
        auto visitor = connectVisitor(server, "Lou", welcome);
        visitor->send(visitor::SendMsg{"Anybody there?"});
        awaitMessage<visitor::StateChange>(
            *visitor, [](const visitor::StateChange& s) { return s.state == visitor::state::kNoOperator; });

        session.setStatus(0); // Online again: rung for the next chat
        session.endChat(424242);
        awaitEvent<ErrorReceived>(session);
        visitor->send(visitor::SendMsg{"Hello again"});
        CPPUNIT_ASSERT_EQUAL(std::string("Lou"), awaitEvent<RingOffered>(session).ring.name);
        session.disconnect();
    }

    // The ring's timeout is tested on a manual clock (front_end_tests,
    // testRingTimesOutOnTheManualClock) and end to end once, with the setting applied at a
    // reload (ReloadTest); this test used to wait 3 s for it.
    void testRingTakenByAnother()
    {
        ServerProcess server;
        server.addUser("jack", "jack-secret", "Jack Jones");
        server.addUser("kate", "kate-secret", "Kate Kim");
        server.start();
        OperatorEngine jack(sessionSettings(server.operatorPort(), "jack", "jack-secret"));
        OperatorEngine kate(sessionSettings(server.operatorPort(), "kate", "kate-secret"));
        jack.start();
        kate.start();
        awaitSessionLogin(jack);
        awaitSessionLogin(kate);

        visitor::Welcome welcome;
        auto first = connectVisitor(server, "Liam", welcome);
        first->send(visitor::SendMsg{"first visitor"});
        const std::int64_t id = awaitEvent<RingOffered>(jack).ring.id;
        CPPUNIT_ASSERT_EQUAL(id, awaitEvent<RingOffered>(kate).ring.id);
        jack.accept(id);
        CPPUNIT_ASSERT_EQUAL(id, awaitEvent<RingWon>(jack).id);
        const RingTaken taken = awaitEvent<RingTaken>(kate);
        CPPUNIT_ASSERT_EQUAL(id, taken.id);
        CPPUNIT_ASSERT_EQUAL(std::string("Jack Jones"), taken.byName);
        CPPUNIT_ASSERT(kate.pendingRings().empty());
    }

    void testChatSurvivesServerRestart()
    {
        ServerProcess server;
        // Short probes: a session that did not answer them would be dropped during the test.
        server.define("ringdesk.presence.probeAfterMs", "300");
        server.define("ringdesk.presence.dropAfterMs", "700");
        server.addUser("liz", "liz-secret", "Liz Long");
        server.start();
        SessionSettings settings = sessionSettings(server.operatorPort(), "liz", "liz-secret");
        settings.encryption = Encryption{clientKey4096(), protocol::RsaPublicKey::fromPem(server.publicKeyPem())};
        settings.silenceTimeout = milliseconds(5000);
        OperatorEngine session(settings);
        session.start();
        awaitSessionLogin(session);

        visitor::Welcome welcome;
        auto visitor = connectVisitor(server, "Noah", welcome);
        visitor->send(visitor::SendMsg{"one"});
        const std::int64_t id = awaitEvent<RingOffered>(session).ring.id;
        session.accept(id);
        awaitEvent<RingWon>(session);
        CPPUNIT_ASSERT_EQUAL(std::string("one"), awaitEvent<MessageReceived>(session).text);
        visitor->send(visitor::SendMsg{"two"});
        const MessageReceived two = awaitEvent<MessageReceived>(session);
        CPPUNIT_ASSERT_EQUAL(std::string("two"), two.text);

        visitor.reset();
        CPPUNIT_ASSERT_EQUAL_MESSAGE(server.logTail(), 0, server.stop());
        const ConnectionLost lost = awaitEvent<ConnectionLost>(session);
        CPPUNIT_ASSERT(lost.retryIn.has_value());
        // The login had succeeded: delays and attempts start again from the first.
        CPPUNIT_ASSERT(lost.retryIn->count() <= settings.reconnectInitial.count());
        CPPUNIT_ASSERT_EQUAL(1, awaitEvent<Connecting>(session).attempt);
        server.start();

        // Logged in again, the chat is handed back; the replayed "one" and "two" are dropped,
        // so the next message is the visitor's new one.
        awaitEvent<LoggedIn>(session, kDeadline, Losses::Skip);
        const RingWon resumed = awaitEvent<RingWon>(session);
        CPPUNIT_ASSERT_EQUAL(id, resumed.id);
        CPPUNIT_ASSERT(resumed.resumed);
        visitor = connectVisitor(server, "Noah", welcome, welcome.token);
        visitor->send(visitor::SendMsg{"three"});
        const MessageReceived three = awaitEvent<MessageReceived>(session);
        CPPUNIT_ASSERT_EQUAL(std::string("three"), three.text);
        CPPUNIT_ASSERT(three.seq > two.seq);
        CPPUNIT_ASSERT_EQUAL(std::size_t(1), session.openChats().size());
        CPPUNIT_ASSERT_EQUAL(three.seq, session.openChats()[0].lastSeq);

        // Messages typed now reach the visitor.
        session.sendMessage(id, "back again");
        CPPUNIT_ASSERT_EQUAL(std::string("back again"),
                             awaitMessage<visitor::ChatMessage>(*visitor, [](const visitor::ChatMessage& m) {
                                 return m.fromOperator;
                             }).text);
    }

    void testSilentServerIsDropped()
    {
        // A listening socket that never answers: the kernel completes the handshake, nothing
        // is ever sent back.
        Poco::Net::ServerSocket silent(Poco::Net::SocketAddress(kHost, 0));
        SessionSettings settings = sessionSettings(silent.address().port(), "nobody", "secret");
        settings.silenceTimeout = milliseconds(300);
        OperatorEngine session(settings);
        session.start();
        awaitEvent<Connected>(session);
        const ConnectionLost lost = awaitEvent<ConnectionLost>(session);
        CPPUNIT_ASSERT_MESSAGE(lost.reason, lost.reason.find("nothing heard") != std::string::npos);
        CPPUNIT_ASSERT(lost.retryIn.has_value());
    }

    void testReconnectDelaysGrow()
    {
        std::uint16_t port = 0;
        {
            Poco::Net::ServerSocket probe(Poco::Net::SocketAddress(kHost, 0));
            port = probe.address().port();
        } // closed: nothing listens on `port` any more
        SessionSettings settings = sessionSettings(port, "nobody", "secret");
        settings.reconnectInitial = milliseconds(100);
        settings.reconnectMax = milliseconds(400);
        OperatorEngine session(settings);
        session.start();
        const std::vector<std::pair<long long, long long>> expected = {
            {80, 100}, {160, 200}, {320, 400}, {320, 400}};
        for (std::size_t i = 0; i < expected.size(); ++i) {
            CPPUNIT_ASSERT_EQUAL(static_cast<int>(i + 1), awaitEvent<Connecting>(session).attempt);
            const ConnectionLost lost = awaitEvent<ConnectionLost>(session, kDeadline, Losses::Skip);
            CPPUNIT_ASSERT_MESSAGE(lost.reason, lost.retryIn.has_value());
            CPPUNIT_ASSERT(lost.retryIn->count() >= expected[i].first);
            CPPUNIT_ASSERT(lost.retryIn->count() <= expected[i].second);
        }
    }

    void testWrongPasswordStopsTheSession()
    {
        ServerProcess server;
        server.addUser("max", "max-secret", "Max Moss");
        server.start();
        OperatorEngine session(sessionSettings(server.operatorPort(), "max", "wrong"));
        session.start();
        awaitEvent<Connected>(session);
        CPPUNIT_ASSERT_EQUAL(static_cast<int>(nlchat::LoginResult::kWrongCredentials),
                             awaitEvent<LoginFailed>(session).result);
        const ConnectionLost lost = awaitEvent<ConnectionLost>(session);
        CPPUNIT_ASSERT(!lost.retryIn.has_value());
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(OperatorEngineTest);

} // namespace ringdesk::integration
