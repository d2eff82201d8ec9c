// The main job end to end (PRODUCT.md, steps 2-6) against the real server: operators in raw
// RSA mode and in plain mode, a visitor on the WebSocket, the ring race, ordered messages and
// typing states both ways, and the end of a chat.
#include "operator-client/session/server_key.h"
#include "support/client_keys.h"
#include "support/server_process.h"
#include "support/test_peers.h"
#include "support/waits.h"

#include <cppunit/extensions/HelperMacros.h>

#include <exception>
#include <latch>
#include <thread>

namespace ringdesk::integration {
namespace {

using operator_client::Encryption;
using operator_client::NlchatClient;

struct Account
{
    std::string username;
    std::string password;
    std::string displayName;
    const protocol::RsaPrivateKey* key;
};

/// What a visitor saw from the operator, as "msg:<text>" and "state:<state>", in order.
std::vector<std::string> operatorTrafficAtVisitor(VisitorClient& visitor, std::size_t count,
                                                  std::vector<std::int64_t>& seqs)
{
    std::vector<std::string> seen;
    while (seen.size() < count) {
        const auto message = awaitMessage<visitor::ServerMessage>(visitor, [](const visitor::ServerMessage& m) {
            const auto* chat = std::get_if<visitor::ChatMessage>(&m);
            return (chat != nullptr && chat->fromOperator) ||
                   std::holds_alternative<visitor::OperatorChatState>(m);
        });
        if (const auto* chat = std::get_if<visitor::ChatMessage>(&message)) {
            seen.push_back("msg:" + chat->text);
            seqs.push_back(chat->seq);
        } else {
            seen.push_back("state:" + std::get<visitor::OperatorChatState>(message).state);
        }
    }
    return seen;
}

/// What an operator saw from the visitor of chat `id`, in the same notation.
std::vector<std::string> visitorTrafficAtOperator(NlchatClient& op, std::int64_t id, std::size_t count,
                                                  std::vector<std::int64_t>& seqs)
{
    std::vector<std::string> seen;
    while (seen.size() < count) {
        const auto packet = awaitPacket<nlchat::Packet>(op, [id](const nlchat::Packet& p) {
            const auto* msg = std::get_if<nlchat::Msg>(&p);
            const auto* state = std::get_if<nlchat::ChatState>(&p);
            return (msg != nullptr && msg->id == id) || (state != nullptr && state->id == id);
        });
        if (const auto* msg = std::get_if<nlchat::Msg>(&packet)) {
            CPPUNIT_ASSERT(msg->io == nlchat::Direction::In);
            CPPUNIT_ASSERT_EQUAL(std::size_t(1), msg->msg.size());
            seen.push_back("msg:" + msg->msg.front());
            seqs.push_back(msg->seq);
        } else {
            seen.push_back("state:" + std::get<nlchat::ChatState>(packet).state);
        }
    }
    return seen;
}

void assertIncreasing(const std::vector<std::int64_t>& seqs)
{
    for (std::size_t i = 0; i < seqs.size(); ++i) {
        CPPUNIT_ASSERT(seqs[i] > 0);
        if (i > 0)
            CPPUNIT_ASSERT_MESSAGE("seq " + std::to_string(seqs[i]) + " after " + std::to_string(seqs[i - 1]),
                                   seqs[i] > seqs[i - 1]);
    }
}

} // namespace

class RingFlowTest : public CppUnit::TestFixture
{
    CPPUNIT_TEST_SUITE(RingFlowTest);
    CPPUNIT_TEST(testFirstRingAckWinsAmongThreeRawOperators);
    CPPUNIT_TEST(testPlainOperatorChats);
    CPPUNIT_TEST_SUITE_END();

public:
    void testFirstRingAckWinsAmongThreeRawOperators()
    {
        const std::vector<Account> accounts = {
            {"alice", "alice-secret", "Alice Archer", &clientKey2048(0)},
            {"bob", "bob-secret", "Bob Baker", &clientKey2048(1)},
            {"carol", "carol-secret", "Carol Cruz", &clientKey4096()},
        };
        ServerProcess server;
        for (const Account& a : accounts)
            server.addUser(a.username, a.password, a.displayName);
        server.start();
        const protocol::RsaPublicKey serverKey = publishedKeyIsTheDataFolders(server);
        std::vector<std::unique_ptr<NlchatClient>> ops;
        for (const Account& a : accounts)
            ops.push_back(connectOperator(server, a.username, a.password, a.displayName,
                                          Encryption{*a.key, serverKey}));

        visitor::Welcome welcome;
        auto ann = connectVisitor(server, "Ann", welcome);
        CPPUNIT_ASSERT_EQUAL(std::string(visitor::state::kIdle), welcome.state);
        const std::string firstText = "Hello, is my order shipped?";
        ann->send(visitor::SendMsg{firstText});
        const std::int64_t id = everyOperatorIsRungWithTheVisitorsDetails(ops, welcome, firstText);
        const std::size_t winner = exactlyOneOfSimultaneousAcksWins(ops, id, accounts);
        NlchatClient& op = *ops[winner];
        const std::string& winnerName = accounts[winner].displayName;
        const auto connected = awaitMessage<visitor::StateChange>(
            *ann, [](const visitor::StateChange& s) { return s.state == visitor::state::kConnected; });
        CPPUNIT_ASSERT_EQUAL(id, connected.conversation);
        CPPUNIT_ASSERT_EQUAL(winnerName, connected.operatorName);

        // The winner receives the visitor's messages so far (PRODUCT.md, step 4).
        const auto first = awaitPacket<nlchat::Msg>(op);
        CPPUNIT_ASSERT_EQUAL(id, first.id);
        CPPUNIT_ASSERT_EQUAL(std::int64_t(1), first.seq);
        CPPUNIT_ASSERT_EQUAL(firstText, first.msg.at(0));

        messagesAndTypingStatesKeepTheirOrderBothWays(op, *ann, id, first.seq);
        const std::string longText = longNonAsciiText(1200);
        longNonAsciiTextCrossesBothWays(op, *ann, id, longText);

        // The operator ends the chat: the visitor sees "ended".
        op.send(nlchat::Disassociate{op.uuid(), id});
        awaitMessage<visitor::StateChange>(
            *ann, [](const visitor::StateChange& s) { return s.state == visitor::state::kEnded; });
        CPPUNIT_ASSERT_EQUAL(id, awaitPacket<nlchat::Disassociate>(op).id);

        everyKeySizeOpensAMultiBlockRing(server, ops, id, longText);
    }

    void testPlainOperatorChats()
    {
        ServerProcess server;
        server.addUser("dave", "dave-secret", "Dave Dunn");
        server.start();
        auto op = connectOperator(server, "dave", "dave-secret", "Dave Dunn");

        visitor::Welcome welcome;
        auto visitor = connectVisitor(server, "Eve", welcome);
        visitor->send(visitor::SendMsg{"Plain hello"});
        const auto ring = awaitPacket<nlchat::Ring>(*op);
        CPPUNIT_ASSERT_EQUAL(std::string("Plain hello"), ring.text);

        op->send(nlchat::RingAck{op->uuid(), ring.id});
        const auto won = awaitPacket<nlchat::RingAckAck>(*op);
        CPPUNIT_ASSERT_EQUAL(op->uuid(), won.uuid);
        CPPUNIT_ASSERT_EQUAL(ring.id, won.id);
        CPPUNIT_ASSERT_EQUAL(std::string("Dave Dunn"), won.operatorName);
        const auto first = awaitPacket<nlchat::Msg>(*op);
        CPPUNIT_ASSERT_EQUAL(std::string("Plain hello"), first.msg.at(0));
        CPPUNIT_ASSERT_EQUAL(std::int64_t(1), first.seq);
        awaitMessage<visitor::StateChange>(
            *visitor, [](const visitor::StateChange& s) { return s.state == visitor::state::kConnected; });

        op->send(nlchat::ChatState{op->uuid(), nlchat::Direction::Out, "composing", ring.id});
        op->send(nlchat::Msg{{"Hi, Dave here"}, nlchat::Direction::Out, op->uuid(), ring.id, 0, 0});
        std::vector<std::int64_t> seqs;
        CPPUNIT_ASSERT((std::vector<std::string>{"state:composing", "msg:Hi, Dave here"}) ==
                       operatorTrafficAtVisitor(*visitor, 2, seqs));

        visitor->send(visitor::SendMsg{"Thanks"});
        visitor->send(visitor::SendChatState{"paused"});
        seqs.clear();
        CPPUNIT_ASSERT((std::vector<std::string>{"msg:Thanks", "state:paused"}) ==
                       visitorTrafficAtOperator(*op, ring.id, 2, seqs));

        op->send(nlchat::Disassociate{op->uuid(), ring.id});
        awaitMessage<visitor::StateChange>(
            *visitor, [](const visitor::StateChange& s) { return s.state == visitor::state::kEnded; });
    }

private:
    /// The key published over HTTP is the one in the server's data folder; returns it.
    static protocol::RsaPublicKey publishedKeyIsTheDataFolders(const ServerProcess& server)
    {
        const protocol::RsaPublicKey serverKey =
            operator_client::fetchServerKey(kHost, server.httpPort(), kDeadline);
        CPPUNIT_ASSERT(serverKey == protocol::RsaPublicKey::fromPem(server.publicKeyPem()));
        return serverKey;
    }

    /// A visitor wrote `text`: every operator is rung with the visitor's details. Returns the
    /// ring's id.
    static std::int64_t everyOperatorIsRungWithTheVisitorsDetails(std::vector<std::unique_ptr<NlchatClient>>& ops,
                                                                  const visitor::Welcome& welcome,
                                                                  const std::string& text)
    {
        std::int64_t id = 0;
        for (auto& op : ops) {
            const auto ring = awaitPacket<nlchat::Ring>(*op);
            if (id == 0)
                id = ring.id;
            CPPUNIT_ASSERT_EQUAL(id, ring.id);
            CPPUNIT_ASSERT_EQUAL(std::string("Ann"), ring.name);
            CPPUNIT_ASSERT_EQUAL(welcome.visitor, ring.visitor);
            CPPUNIT_ASSERT_EQUAL(std::string("https://shop.example/cart"), ring.page);
            CPPUNIT_ASSERT_EQUAL(text, ring.text);
            CPPUNIT_ASSERT(ring.time > 0);
        }
        return id;
    }

    /// Every operator accepts ring `id` at the same moment; exactly one wins, and all learn
    /// the same winner by name. Returns the winner's index.
    static std::size_t exactlyOneOfSimultaneousAcksWins(std::vector<std::unique_ptr<NlchatClient>>& ops,
                                                        std::int64_t id, const std::vector<Account>& accounts)
    {
        std::latch go(static_cast<std::ptrdiff_t>(ops.size()));
        std::vector<nlchat::RingAckAck> answers(ops.size());
        std::vector<std::exception_ptr> failures(ops.size());
        std::vector<std::thread> threads;
        for (std::size_t i = 0; i < ops.size(); ++i)
            threads.emplace_back([&, i] {
                try {
                    go.arrive_and_wait();
                    ops[i]->send(nlchat::RingAck{ops[i]->uuid(), id});
                    answers[i] = awaitPacket<nlchat::RingAckAck>(
                        *ops[i], [id](const nlchat::RingAckAck& a) { return a.id == id; });
                } catch (...) {
                    failures[i] = std::current_exception(); // rethrown on the test's thread
                }
            });
        for (std::thread& t : threads)
            t.join();
        for (const std::exception_ptr& failure : failures)
            if (failure)
                std::rethrow_exception(failure);

        std::size_t winner = ops.size();
        for (std::size_t i = 0; i < ops.size(); ++i) {
            CPPUNIT_ASSERT_EQUAL(answers[0].uuid, answers[i].uuid);
            CPPUNIT_ASSERT(!answers[i].resumed);
            if (answers[i].uuid == ops[i]->uuid()) {
                CPPUNIT_ASSERT_MESSAGE("two operators won the same ring", winner == ops.size());
                winner = i;
            }
        }
        CPPUNIT_ASSERT_MESSAGE("nobody won the ring", winner < ops.size());
        for (const nlchat::RingAckAck& answer : answers)
            CPPUNIT_ASSERT_EQUAL(accounts[winner].displayName, answer.operatorName);
        return winner;
    }

    /// 20 messages with typing states between them, operator → visitor, then the same the
    /// other way: each side sees them in order with increasing sequence numbers, all after
    /// `firstSeq`.
    static void messagesAndTypingStatesKeepTheirOrderBothWays(NlchatClient& op, VisitorClient& ann,
                                                              std::int64_t id, std::int64_t firstSeq)
    {
        std::vector<std::string> expected;
        for (int i = 0; i < 20; ++i) {
            if (i % 5 == 0) {
                op.send(nlchat::ChatState{op.uuid(), nlchat::Direction::Out, "composing", id});
                expected.push_back("state:composing");
            }
            const std::string text = "operator message " + std::to_string(i);
            op.send(nlchat::Msg{{text}, nlchat::Direction::Out, op.uuid(), id, 0, 0});
            expected.push_back("msg:" + text);
        }
        op.send(nlchat::ChatState{op.uuid(), nlchat::Direction::Out, "paused", id});
        expected.push_back("state:paused");
        std::vector<std::int64_t> seqs;
        CPPUNIT_ASSERT(expected == operatorTrafficAtVisitor(ann, expected.size(), seqs));
        assertIncreasing(seqs);

        expected.clear();
        for (int i = 0; i < 20; ++i) {
            if (i % 5 == 0) {
                ann.send(visitor::SendChatState{"composing"});
                expected.push_back("state:composing");
            }
            const std::string text = "visitor message " + std::to_string(i);
            ann.send(visitor::SendMsg{text});
            expected.push_back("msg:" + text);
        }
        ann.send(visitor::SendChatState{"paused"});
        expected.push_back("state:paused");
        seqs.clear();
        CPPUNIT_ASSERT(expected == visitorTrafficAtOperator(op, id, expected.size(), seqs));
        assertIncreasing(seqs);
        CPPUNIT_ASSERT(seqs.front() > firstSeq);
    }

    /// Non-ASCII text longer than one RSA block, both ways.
    static void longNonAsciiTextCrossesBothWays(NlchatClient& op, VisitorClient& ann, std::int64_t id,
                                                const std::string& longText)
    {
        op.send(nlchat::Msg{{longText}, nlchat::Direction::Out, op.uuid(), id, 0, 0});
        const auto longAtVisitor =
            awaitMessage<visitor::ChatMessage>(ann, [](const visitor::ChatMessage& m) { return m.fromOperator; });
        CPPUNIT_ASSERT_EQUAL(longText, longAtVisitor.text);
        ann.send(visitor::SendMsg{longText});
        CPPUNIT_ASSERT_EQUAL(longText, awaitPacket<nlchat::Msg>(op).msg.at(0));
    }

    /// A second visitor opens with `longText`: every key size opens the multi-block ring, the
    /// 4096-bit operator (ops[2]) takes the chat, and the visitor's close reaches it.
    static void everyKeySizeOpensAMultiBlockRing(ServerProcess& server,
                                                 std::vector<std::unique_ptr<NlchatClient>>& ops,
                                                 std::int64_t firstId, const std::string& longText)
    {
        visitor::Welcome welcome2;
        auto bea = connectVisitor(server, "Bea", welcome2);
        bea->send(visitor::SendMsg{longText});
        std::int64_t id2 = 0;
        for (auto& each : ops) {
            const auto ring =
                awaitPacket<nlchat::Ring>(*each, [firstId](const nlchat::Ring& r) { return r.id != firstId; });
            id2 = ring.id;
            CPPUNIT_ASSERT_EQUAL(longText, ring.text);
            CPPUNIT_ASSERT_EQUAL(std::string("Bea"), ring.name);
        }
        NlchatClient& carol = *ops[2];
        carol.send(nlchat::RingAck{carol.uuid(), id2});
        for (auto& each : ops)
            CPPUNIT_ASSERT_EQUAL(carol.uuid(),
                                 awaitPacket<nlchat::RingAckAck>(
                                     *each, [id2](const nlchat::RingAckAck& a) { return a.id == id2; })
                                     .uuid);
        CPPUNIT_ASSERT_EQUAL(longText, awaitPacket<nlchat::Msg>(carol).msg.at(0));
        carol.send(nlchat::Msg{{longText}, nlchat::Direction::Out, carol.uuid(), id2, 0, 0});
        const auto reply =
            awaitMessage<visitor::ChatMessage>(*bea, [](const visitor::ChatMessage& m) { return m.fromOperator; });
        CPPUNIT_ASSERT_EQUAL(longText, reply.text);
        CPPUNIT_ASSERT_EQUAL(std::string("Carol Cruz"), reply.operatorName);

        // The visitor ends this one: the operator is told (disassociate from the server).
        bea->send(visitor::Close{});
        awaitMessage<visitor::StateChange>(
            *bea, [](const visitor::StateChange& s) { return s.state == visitor::state::kEnded; });
        CPPUNIT_ASSERT_EQUAL(id2, awaitPacket<nlchat::Disassociate>(carol).id);
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(RingFlowTest);

} // namespace ringdesk::integration
