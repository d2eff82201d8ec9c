// A visitor coming back on a new connection (docs/visitor-api.md, `hello` with the `token`
// of an earlier `welcome`): same visitor, same conversation, messages with seq > since again.
#include "assertion_traits.h"
#include "core_harness.h"

#include "protocol/protocol_error.h"
#include "server/core/visitor_token.h"

#include <cppunit/extensions/HelperMacros.h>

using namespace ringdesk;
using namespace ringdesk::core;
using namespace ringdesk::core::testing;
using Strings = std::vector<std::string>;

class VisitorResumeTest : public CppUnit::TestFixture
{
    CPPUNIT_TEST_SUITE(VisitorResumeTest);
    CPPUNIT_TEST(testTokenResumesConversation);
    CPPUNIT_TEST(testResumedConnectionKeepsChatting);
    CPPUNIT_TEST(testOperatorSeesVisitorGoneAndBack);
    CPPUNIT_TEST(testResumeWhileRinging);
    CPPUNIT_TEST(testResumeAfterEndShowsLastConversation);
    CPPUNIT_TEST(testUnknownTokenMakesNewVisitor);
    CPPUNIT_TEST(testTokenIsStoredOnlyAsHash);
    CPPUNIT_TEST(testMessageBeforeHelloIsRefused);
    CPPUNIT_TEST(testSecondHelloIsRefused);
    CPPUNIT_TEST_SUITE_END();

    // Ann chats with alice (seq 1 Ann, 2 alice, 3 Ann), then her page reloads.
    struct Reloaded
    {
        CoreHarness h;
        ConnectionId alice = h.logIn("alice");
        CoreHarness::Chat chat = h.connectedChat(alice, "Ann", "Hello?");
        std::string token;
        std::string visitorId;

        Reloaded()
        {
            h.operatorSays(alice, chat.id, "Hi Ann.");
            h.visitorSays(chat.visitor, "Where is order 42?");
            token = h.welcomeOf(chat.visitor).token;
            visitorId = h.welcomeOf(chat.visitor).visitor;
            h.core.visitorClosed(chat.visitor);
        }
    };

public:
    void testTokenResumesConversation()
    {
        Reloaded r;
        const ConnectionId again = r.h.visitorHello("Ann", "https://shop.example/cart", r.token, 1);
        CPPUNIT_ASSERT_EQUAL((Strings{"welcome", "msg", "msg"}), r.h.output.visitorKinds(again));
        const auto welcome = r.h.welcomeOf(again);
        CPPUNIT_ASSERT_EQUAL(r.token, welcome.token);
        CPPUNIT_ASSERT_EQUAL(r.visitorId, welcome.visitor);
        CPPUNIT_ASSERT_EQUAL(r.chat.id, welcome.conversation);
        CPPUNIT_ASSERT_EQUAL(std::string(visitor::state::kConnected), welcome.state);
        CPPUNIT_ASSERT_EQUAL(std::string("Alice"), welcome.operatorName);
        const auto replay = r.h.output.toVisitor<visitor::ChatMessage>(again);
        CPPUNIT_ASSERT_EQUAL(std::int64_t{2}, replay[0].seq);
        CPPUNIT_ASSERT(replay[0].fromOperator);
        CPPUNIT_ASSERT_EQUAL(std::string("Alice"), replay[0].operatorName);
        CPPUNIT_ASSERT_EQUAL(std::string("Hi Ann."), replay[0].text);
        CPPUNIT_ASSERT_EQUAL(std::int64_t{3}, replay[1].seq);
        CPPUNIT_ASSERT(!replay[1].fromOperator);
        CPPUNIT_ASSERT_EQUAL(std::size_t{1}, r.h.store.visitorCount());
    }

    void testResumedConnectionKeepsChatting()
    {
        Reloaded r;
        const ConnectionId again = r.h.visitorHello("Ann", "", r.token, 3);
        CPPUNIT_ASSERT_EQUAL((Strings{"welcome"}), r.h.output.visitorKinds(again));
        const std::size_t sentToOld = r.h.output.visitorMessages(r.chat.visitor).size();
        r.h.visitorSays(again, "Are you there?");
        const auto msg = r.h.output.lastToOperator<nlchat::Msg>(r.alice);
        CPPUNIT_ASSERT_EQUAL(r.chat.id, msg.id);
        CPPUNIT_ASSERT_EQUAL(std::int64_t{4}, msg.seq);
        r.h.operatorSays(r.alice, r.chat.id, "Yes.");
        CPPUNIT_ASSERT_EQUAL(std::int64_t{5},
                             r.h.output.lastToVisitor<visitor::ChatMessage>(again).seq);
        // The closed connection gets nothing more.
        CPPUNIT_ASSERT_EQUAL(sentToOld, r.h.output.visitorMessages(r.chat.visitor).size());
        CPPUNIT_ASSERT_EQUAL(std::size_t{1}, r.h.core.liveConversations().size());
    }

    void testOperatorSeesVisitorGoneAndBack()
    {
        Reloaded r;
        const auto gone = r.h.output.lastToOperator<nlchat::ChatState>(r.alice);
        CPPUNIT_ASSERT_EQUAL(std::string("gone"), gone.state);
        CPPUNIT_ASSERT_EQUAL(r.chat.id, gone.id);
        CPPUNIT_ASSERT(gone.io == nlchat::Direction::In);
        r.h.visitorHello("Ann", "", r.token, 3);
        CPPUNIT_ASSERT_EQUAL(std::string("active"),
                             r.h.output.lastToOperator<nlchat::ChatState>(r.alice).state);
    }

    void testResumeWhileRinging()
    {
        CoreHarness h;
        const ConnectionId alice = h.logIn("alice");
        const ConnectionId first = h.visitorStartsChat("Ann", "Hello?");
        const std::int64_t id = h.conversationOf(first);
        const std::string token = h.welcomeOf(first).token;
        h.core.visitorClosed(first);
        const ConnectionId again = h.visitorHello("Ann", "", token, 0);
        CPPUNIT_ASSERT_EQUAL(std::string(visitor::state::kRinging), h.welcomeOf(again).state);
        CPPUNIT_ASSERT_EQUAL(id, h.welcomeOf(again).conversation);
        CPPUNIT_ASSERT_EQUAL(std::size_t{1}, h.output.countToVisitor<visitor::ChatMessage>(again));
        // The association reaches the new connection.
        h.ringAck(alice, id);
        CPPUNIT_ASSERT_EQUAL(std::string(visitor::state::kConnected),
                             h.output.lastToVisitor<visitor::StateChange>(again).state);
    }

    void testResumeAfterEndShowsLastConversation()
    {
        Reloaded r;
        r.h.send(r.alice, nlchat::Disassociate{r.h.uuidOf(r.alice), r.chat.id});
        const ConnectionId again = r.h.visitorHello("Ann", "", r.token, 0);
        const auto welcome = r.h.welcomeOf(again);
        CPPUNIT_ASSERT_EQUAL(r.chat.id, welcome.conversation);
        CPPUNIT_ASSERT_EQUAL(std::string(visitor::state::kEnded), welcome.state);
        CPPUNIT_ASSERT_EQUAL(std::size_t{3},
                             r.h.output.countToVisitor<visitor::ChatMessage>(again));
    }

    void testUnknownTokenMakesNewVisitor()
    {
        Reloaded r;
        const std::string unknown(32, 'a');
        const ConnectionId stranger = r.h.visitorHello("Ben", "", unknown, 0);
        const auto welcome = r.h.welcomeOf(stranger);
        CPPUNIT_ASSERT(welcome.token != unknown);
        CPPUNIT_ASSERT_EQUAL(std::size_t{32}, welcome.token.size());
        CPPUNIT_ASSERT(welcome.visitor != r.visitorId);
        CPPUNIT_ASSERT_EQUAL(std::int64_t{0}, welcome.conversation);
        CPPUNIT_ASSERT_EQUAL(std::string(visitor::state::kIdle), welcome.state);
        CPPUNIT_ASSERT_EQUAL((Strings{"welcome"}), r.h.output.visitorKinds(stranger));
        CPPUNIT_ASSERT_EQUAL(std::size_t{2}, r.h.store.visitorCount());
        // and the new token works
        r.h.core.visitorClosed(stranger);
        const ConnectionId back = r.h.visitorHello("Ben", "", welcome.token, 0);
        CPPUNIT_ASSERT_EQUAL(welcome.visitor, r.h.welcomeOf(back).visitor);
    }

    void testTokenIsStoredOnlyAsHash()
    {
        Reloaded r;
        CPPUNIT_ASSERT(r.h.store.findVisitorByTokenHash(r.token) == std::nullopt);
        const auto found = r.h.store.findVisitorByTokenHash(hashVisitorToken(r.token));
        CPPUNIT_ASSERT(found.has_value());
        CPPUNIT_ASSERT_EQUAL(r.visitorId, found->id);
    }

    void testMessageBeforeHelloIsRefused()
    {
        CoreHarness h;
        h.logIn("alice");
        const ConnectionId rude = h.nextConnection();
        h.core.visitorConnected(rude, "192.0.2.8");
        h.visitorSays(rude, "Hi");
        CPPUNIT_ASSERT_EQUAL((Strings{"error"}), h.output.visitorKinds(rude));
        CPPUNIT_ASSERT_EQUAL(std::string(protocol::error_code::kHelloFirst),
                             h.output.lastToVisitor<visitor::ErrorReply>(rude).code);
        CPPUNIT_ASSERT(h.core.liveConversations().empty());
    }

    void testSecondHelloIsRefused()
    {
        CoreHarness h;
        const ConnectionId ann = h.visitorHello("Ann");
        h.visitorSends(ann, visitor::Hello{"", 0, "Ann", ""});
        CPPUNIT_ASSERT_EQUAL((Strings{"welcome", "error"}), h.output.visitorKinds(ann));
        CPPUNIT_ASSERT_EQUAL(std::string(protocol::error_code::kBadState),
                             h.output.lastToVisitor<visitor::ErrorReply>(ann).code);
        CPPUNIT_ASSERT_EQUAL(std::size_t{1}, h.store.visitorCount());
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(VisitorResumeTest);
