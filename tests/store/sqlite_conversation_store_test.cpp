// core::ConversationStore on SQLite (db/migrations/0001_initial.sql): the conversation row
// follows its messages without a full update per message.
#include "server/store/sqlite_conversation_store.h"

#include "temporary_database.h"

#include <cppunit/extensions/HelperMacros.h>

#include <memory>
#include <optional>

namespace ringdesk::store_tests {

using core::ConversationRecord;
using core::ConversationState;

class SqliteConversationStoreTest : public CppUnit::TestFixture
{
    CPPUNIT_TEST_SUITE(SqliteConversationStoreTest);
    CPPUNIT_TEST(testMessagesAdvanceTheConversation);
    CPPUNIT_TEST(testStateChangeKeepsMessages);
    CPPUNIT_TEST(testSameSeqTwiceThrows);
    CPPUNIT_TEST_SUITE_END();

public:
    void setUp() override
    {
        database_.emplace();
        session_ = std::make_unique<Poco::Data::Session>(database_->open());
        store_ = std::make_unique<store::SqliteConversationStore>(*session_);
        store_->createVisitor({"v-00000000000000aa", "Ann"}, "hash", "192.0.2.7", 1);
        id_ = store_->createConversation(
            {0, "v-00000000000000aa", "Ann", "/shop", ConversationState::Ringing, {}, {}, 0}, 1);
    }

    void tearDown() override
    {
        store_.reset();
        session_.reset();
        database_.reset();
    }

    void testMessagesAdvanceTheConversation()
    {
        store_->appendMessage(id_, {1, false, {}, "Hello?", 10});
        store_->appendMessage(id_, {2, true, "Alice", "Hi Ann.", 20});
        CPPUNIT_ASSERT_EQUAL(std::int64_t{2}, latest().lastSeq);
        CPPUNIT_ASSERT_EQUAL(std::int64_t{20}, updatedAt());

        const auto since = store_->messages(id_, 1);
        CPPUNIT_ASSERT_EQUAL(std::size_t{1}, since.size());
        CPPUNIT_ASSERT_EQUAL(std::string("Hi Ann."), since[0].text);
        CPPUNIT_ASSERT_EQUAL(std::string("Alice"), since[0].operatorName);
        CPPUNIT_ASSERT(since[0].fromOperator);
    }

    void testStateChangeKeepsMessages()
    {
        store_->appendMessage(id_, {1, false, {}, "Hello?", 10});
        ConversationRecord record = latest();
        record.state = ConversationState::Connected;
        record.operatorUsername = "alice";
        record.operatorDisplayName = "Alice";
        store_->updateConversation(record, 30);
        store_->appendMessage(id_, {2, false, {}, "Still there?", 40});

        const ConversationRecord now = latest();
        CPPUNIT_ASSERT_EQUAL(ConversationState::Connected, now.state);
        CPPUNIT_ASSERT_EQUAL(std::string("alice"), now.operatorUsername);
        CPPUNIT_ASSERT_EQUAL(std::int64_t{2}, now.lastSeq);
        CPPUNIT_ASSERT_EQUAL(std::int64_t{40}, updatedAt());
        CPPUNIT_ASSERT_EQUAL(std::size_t{1}, store_->openConversations().size());
    }

    void testSameSeqTwiceThrows()
    {
        store_->appendMessage(id_, {1, false, {}, "Hello?", 10});
        CPPUNIT_ASSERT_THROW(store_->appendMessage(id_, {1, false, {}, "again", 11}), Poco::Exception);
        CPPUNIT_ASSERT_EQUAL(std::size_t{1}, store_->messages(id_, 0).size());
        CPPUNIT_ASSERT_EQUAL(std::int64_t{1}, latest().lastSeq);
        CPPUNIT_ASSERT_EQUAL(std::int64_t{10}, updatedAt());
    }

private:
    ConversationRecord latest()
    {
        const auto record = store_->latestConversation("v-00000000000000aa");
        CPPUNIT_ASSERT(record.has_value());
        CPPUNIT_ASSERT_EQUAL(id_, record->id);
        return *record;
    }

    std::int64_t updatedAt()
    {
        std::int64_t at = 0;
        *session_ << "SELECT updated_at FROM conversations WHERE id = ?",
            Poco::Data::Keywords::use(id_), Poco::Data::Keywords::into(at), Poco::Data::Keywords::now;
        return at;
    }

    std::optional<testing::TemporaryDatabase> database_;
    std::unique_ptr<Poco::Data::Session> session_;
    std::unique_ptr<store::SqliteConversationStore> store_;
    std::int64_t id_ = 0;
};

CPPUNIT_TEST_SUITE_REGISTRATION(SqliteConversationStoreTest);

} // namespace ringdesk::store_tests
