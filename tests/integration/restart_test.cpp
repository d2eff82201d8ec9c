// Durability across a server restart (PRODUCT.md, "Visitors: survives a dropped connection and
// resumes the same conversation"; "never loses stored data"): after SIGTERM and a new start
// on the same data folder, a visitor's token brings back its conversation and full history.
#include "support/server_process.h"
#include "support/test_peers.h"
#include "support/waits.h"

#include <cppunit/extensions/HelperMacros.h>

namespace ringdesk::integration {

class RestartTest : public CppUnit::TestFixture
{
    CPPUNIT_TEST_SUITE(RestartTest);
    CPPUNIT_TEST(testVisitorResumesConversationAfterRestart);
    CPPUNIT_TEST_SUITE_END();

public:
    void testVisitorResumesConversationAfterRestart()
    {
        ServerProcess server;
        server.addUser("gina", "gina-secret", "Gina Gray");
        server.start();
        auto op = connectOperator(server, "gina", "gina-secret", "Gina Gray");

        visitor::Welcome welcome;
        auto hank = connectVisitor(server, "Hank", welcome);
        hank->send(visitor::SendMsg{"before restart 1"});
        const auto ring = awaitPacket<nlchat::Ring>(*op);
        op->send(nlchat::RingAck{op->uuid(), ring.id});
        awaitPacket<nlchat::RingAckAck>(*op);
        awaitPacket<nlchat::Msg>(*op);
        op->send(nlchat::Msg{{"operator reply 1"}, nlchat::Direction::Out, op->uuid(), ring.id, 0, 0});

        // The history as the visitor saw it live: its own messages come back with their seq.
        // The visitor answers only after the reply arrived, so the order is fixed.
        std::vector<visitor::ChatMessage> history;
        while (history.size() < 2)
            history.push_back(awaitMessage<visitor::ChatMessage>(*hank));
        hank->send(visitor::SendMsg{"before restart 2 – ünïcødé"});
        CPPUNIT_ASSERT_EQUAL(std::string("before restart 2 – ünïcødé"), awaitPacket<nlchat::Msg>(*op).msg.at(0));
        history.push_back(awaitMessage<visitor::ChatMessage>(*hank));
        CPPUNIT_ASSERT_EQUAL(std::string("before restart 1"), history[0].text);
        CPPUNIT_ASSERT(!history[0].fromOperator);
        CPPUNIT_ASSERT_EQUAL(std::string("operator reply 1"), history[1].text);
        CPPUNIT_ASSERT(history[1].fromOperator);
        CPPUNIT_ASSERT_EQUAL(std::string("Gina Gray"), history[1].operatorName);
        CPPUNIT_ASSERT_EQUAL(std::string("before restart 2 – ünïcødé"), history[2].text);
        CPPUNIT_ASSERT(history[0].seq < history[1].seq && history[1].seq < history[2].seq);

        hank.reset();
        op.reset();
        CPPUNIT_ASSERT_EQUAL_MESSAGE(server.logTail(), 0, server.stop());
        server.start();

        // The token resumes the same conversation, with every message and its seq.
        visitor::Welcome again;
        hank = connectVisitor(server, "Hank", again, welcome.token);
        CPPUNIT_ASSERT_EQUAL(welcome.token, again.token);
        CPPUNIT_ASSERT_EQUAL(welcome.visitor, again.visitor);
        CPPUNIT_ASSERT_EQUAL(ring.id, again.conversation);
        // The chat was open when the server stopped; its operator has not come back yet.
        CPPUNIT_ASSERT_EQUAL(std::string(visitor::state::kWaiting), again.state);
        for (const visitor::ChatMessage& before : history)
            assertSameMessage(before, awaitMessage<visitor::ChatMessage>(*hank));

        // `since` asks only for what the visitor has not seen.
        visitor::Welcome partial;
        auto tab = connectVisitor(server, "Hank", partial, welcome.token, history[0].seq);
        CPPUNIT_ASSERT_EQUAL(ring.id, partial.conversation);
        assertSameMessage(history[1], awaitMessage<visitor::ChatMessage>(*tab));
        assertSameMessage(history[2], awaitMessage<visitor::ChatMessage>(*tab));
    }

private:
    static void assertSameMessage(const visitor::ChatMessage& expected, const visitor::ChatMessage& actual)
    {
        CPPUNIT_ASSERT_EQUAL(expected.seq, actual.seq);
        CPPUNIT_ASSERT_EQUAL(expected.fromOperator, actual.fromOperator);
        CPPUNIT_ASSERT_EQUAL(expected.text, actual.text);
        CPPUNIT_ASSERT_EQUAL(expected.ts, actual.ts);
        CPPUNIT_ASSERT_EQUAL(expected.operatorName, actual.operatorName);
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(RestartTest);

} // namespace ringdesk::integration
