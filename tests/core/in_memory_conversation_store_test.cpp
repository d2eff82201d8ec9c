// The fake store keeps the contract of conversation_store.h and the behaviour of
// SqliteConversationStore that the core relies on, so core tests mean what they say.
#include "assertion_traits.h"
#include "support/fakes/in_memory_conversation_store.h"

#include <cppunit/extensions/HelperMacros.h>

#include <stdexcept>

using namespace ringdesk::core;
using namespace ringdesk::core::testing;

class InMemoryConversationStoreTest : public CppUnit::TestFixture
{
    CPPUNIT_TEST_SUITE(InMemoryConversationStoreTest);
    CPPUNIT_TEST(testVisitorsByTokenHash);
    CPPUNIT_TEST(testConversationsLikeSqlite);
    CPPUNIT_TEST(testMessagesSince);
    CPPUNIT_TEST(testBrokenConstraintsThrow);
    CPPUNIT_TEST_SUITE_END();

public:
    void testVisitorsByTokenHash()
    {
        InMemoryConversationStore store;
        CPPUNIT_ASSERT(!store.findVisitorByTokenHash("h1"));
        store.createVisitor({"v-1", "Ann"}, "h1", "192.0.2.1", 5);
        const auto found = store.findVisitorByTokenHash("h1");
        CPPUNIT_ASSERT(found.has_value());
        CPPUNIT_ASSERT_EQUAL(std::string("v-1"), found->id);
        CPPUNIT_ASSERT_EQUAL(std::string("Ann"), found->name);
        CPPUNIT_ASSERT(!store.findVisitorByTokenHash("h2"));
    }

    void testConversationsLikeSqlite()
    {
        InMemoryConversationStore store;
        store.createVisitor({"v-1", "Ann"}, "h1", "", 0);
        const std::int64_t first = store.createConversation(
            {0, "v-1", "Ann", "/a", ConversationState::Ringing, {}, {}, 0}, 1);
        const std::int64_t second = store.createConversation(
            {0, "v-1", "Ann", "/b", ConversationState::Ringing, {}, {}, 0}, 2);
        CPPUNIT_ASSERT(first > 0 && second > first);
        CPPUNIT_ASSERT_EQUAL(second, store.latestConversation("v-1")->id);
        CPPUNIT_ASSERT(!store.latestConversation("v-2"));

        // updateConversation writes state, operator and last_seq only, as the SQL does.
        store.updateConversation(
            {first, "v-x", "Changed", "/changed", ConversationState::Ended, "alice", "Alice", 7},
            3);
        const ConversationRecord updated = store.conversation(first);
        CPPUNIT_ASSERT_EQUAL(ConversationState::Ended, updated.state);
        CPPUNIT_ASSERT_EQUAL(std::string("alice"), updated.operatorUsername);
        CPPUNIT_ASSERT_EQUAL(std::int64_t{7}, updated.lastSeq);
        CPPUNIT_ASSERT_EQUAL(std::string("v-1"), updated.visitorId);
        CPPUNIT_ASSERT_EQUAL(std::string("/a"), updated.page);

        const auto open = store.openConversations();
        CPPUNIT_ASSERT_EQUAL(std::size_t{1}, open.size());
        CPPUNIT_ASSERT_EQUAL(second, open[0].id);
    }

    void testMessagesSince()
    {
        InMemoryConversationStore store;
        store.createVisitor({"v-1", "Ann"}, "h1", "", 0);
        const std::int64_t id = store.createConversation(
            {0, "v-1", "Ann", "", ConversationState::Ringing, {}, {}, 0}, 0);
        for (std::int64_t seq = 1; seq <= 4; ++seq)
            store.appendMessage(id, {seq, seq % 2 == 0, {}, "m" + std::to_string(seq), seq});
        const auto since = store.messages(id, 2);
        CPPUNIT_ASSERT_EQUAL(std::size_t{2}, since.size());
        CPPUNIT_ASSERT_EQUAL(std::int64_t{3}, since[0].seq);
        CPPUNIT_ASSERT_EQUAL(std::string("m4"), since[1].text);
        CPPUNIT_ASSERT(store.messages(id, 4).empty());
        CPPUNIT_ASSERT(store.messages(id + 1, 0).empty());
        CPPUNIT_ASSERT_EQUAL(std::size_t{4}, store.transcript(id).size());
    }

    void testBrokenConstraintsThrow()
    {
        InMemoryConversationStore store;
        store.createVisitor({"v-1", "Ann"}, "h1", "", 0);
        CPPUNIT_ASSERT_THROW(store.createVisitor({"v-1", "Ben"}, "h2", "", 0), std::logic_error);
        CPPUNIT_ASSERT_THROW(store.createVisitor({"v-2", "Ben"}, "h1", "", 0), std::logic_error);
        CPPUNIT_ASSERT_THROW(
            store.createConversation({0, "v-9", "", "", ConversationState::Ringing, {}, {}, 0}, 0),
            std::logic_error);
        const std::int64_t id = store.createConversation(
            {0, "v-1", "Ann", "", ConversationState::Ringing, {}, {}, 0}, 0);
        store.appendMessage(id, {1, false, {}, "a", 0});
        CPPUNIT_ASSERT_THROW(store.appendMessage(id, {1, false, {}, "again", 0}), std::logic_error);
        CPPUNIT_ASSERT_THROW(store.appendMessage(id + 1, {1, false, {}, "lost", 0}),
                             std::logic_error);
        CPPUNIT_ASSERT_THROW(store.updateConversation(
                                 {id + 1, "v-1", "", "", ConversationState::Ended, {}, {}, 0}, 0),
                             std::logic_error);
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(InMemoryConversationStoreTest);
