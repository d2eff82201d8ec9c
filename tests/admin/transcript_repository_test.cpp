// store::TranscriptRepository on a temporary database, filled through the server's own
// SqliteConversationStore: the filters of `transcripts list`, message counts and end times, and
// what `visitor forget` deletes and keeps.
#include "server/store/ban_repository.h"
#include "server/store/sqlite_conversation_store.h"
#include "server/store/transcript_repository.h"
#include "tests/store/temporary_database.h"

#include <cppunit/extensions/HelperMacros.h>

#include <memory>
#include <optional>

namespace ringdesk::admin_tests {

using core::ConversationRecord;
using core::ConversationState;
using store::TranscriptFilter;

class TranscriptRepositoryTest : public CppUnit::TestFixture
{
    CPPUNIT_TEST_SUITE(TranscriptRepositoryTest);
    CPPUNIT_TEST(testListFilters);
    CPPUNIT_TEST(testCountsAndEnd);
    CPPUNIT_TEST(testForgetVisitorDeletesItsTraceOnly);
    CPPUNIT_TEST_SUITE_END();

public:
    void setUp() override
    {
        database_.emplace();
        session_ = std::make_unique<Poco::Data::Session>(database_->open());
        store::SqliteConversationStore store(*session_);
        store.createVisitor({kAnn, "Ann"}, "ann-hash", "192.0.2.7", 1);
        store.createVisitor({kBea, "Bea"}, "bea-hash", "192.0.2.8", 1);
        // Ann: a chat with alice (ended, 2 messages); Bea: a chat with bob, still going; then
        // Ann again: unanswered, and she left a message.
        annChat_ = conversation(store, kAnn, "alice", ConversationState::Ended, 1000, 2000,
                                {{1, false, {}, "Hello?", 1100}, {2, true, "Alice", "Hi Ann.", 1200}});
        beaChat_ = conversation(store, kBea, "bob", ConversationState::Connected, 3000, 3500,
                                {{1, false, {}, "Hi", 3100}});
        annUnanswered_ = conversation(store, kAnn, "", ConversationState::Unanswered, 5000, 6000,
                                      {{1, false, {}, "Anyone?", 5100}});
        store.storeLeftMessage(annUnanswered_, kAnn, "Ann", "ann@example.org", "Call me back", 6500);
        store::BanRepository(*session_).add(store::ban_kind::kVisitor, kAnn, "spam", "root", 1, std::nullopt);
    }

    void tearDown() override
    {
        session_.reset();
        database_.reset();
    }

    void testListFilters()
    {
        store::TranscriptRepository transcripts(*session_);
        CPPUNIT_ASSERT(ids(transcripts.list({})) == (std::vector<std::int64_t>{annUnanswered_, beaChat_, annChat_}));
        CPPUNIT_ASSERT(ids(transcripts.list({kAnn, "", 0, 50})) == (std::vector<std::int64_t>{annUnanswered_, annChat_}));
        CPPUNIT_ASSERT(ids(transcripts.list({"", "bob", 0, 50})) == std::vector<std::int64_t>{beaChat_});
        CPPUNIT_ASSERT(ids(transcripts.list({kAnn, "alice", 0, 50})) == std::vector<std::int64_t>{annChat_});
        CPPUNIT_ASSERT(ids(transcripts.list({kBea, "alice", 0, 50})).empty());
        // --since: started at or after the time.
        CPPUNIT_ASSERT(ids(transcripts.list({"", "", 3000, 50})) == (std::vector<std::int64_t>{annUnanswered_, beaChat_}));
        CPPUNIT_ASSERT(ids(transcripts.list({"", "", 3001, 50})) == std::vector<std::int64_t>{annUnanswered_});
        // --limit: the newest first.
        CPPUNIT_ASSERT(ids(transcripts.list({"", "", 0, 2})) == (std::vector<std::int64_t>{annUnanswered_, beaChat_}));
        CPPUNIT_ASSERT_THROW(transcripts.list({"", "", 0, 0}), std::invalid_argument);
    }

    void testCountsAndEnd()
    {
        store::TranscriptRepository transcripts(*session_);
        const auto chat = transcripts.find(annChat_);
        CPPUNIT_ASSERT(chat);
        CPPUNIT_ASSERT_EQUAL(std::int64_t(2), chat->messageCount);
        CPPUNIT_ASSERT_EQUAL(std::string("alice"), chat->operatorUsername);
        CPPUNIT_ASSERT_EQUAL(std::int64_t(1000), chat->startedAt);
        CPPUNIT_ASSERT(chat->endedAt() == std::optional<std::int64_t>(2000));
        CPPUNIT_ASSERT(transcripts.find(annUnanswered_)->endedAt() == std::optional<std::int64_t>(6000));
        // Still open: no end.
        CPPUNIT_ASSERT(!transcripts.find(beaChat_)->endedAt());
        CPPUNIT_ASSERT(!transcripts.find(9999));
    }

    void testForgetVisitorDeletesItsTraceOnly()
    {
        store::TranscriptRepository transcripts(*session_);
        session_->begin();
        const auto forgotten = transcripts.forgetVisitor(kAnn);
        session_->commit();
        CPPUNIT_ASSERT(forgotten);
        CPPUNIT_ASSERT_EQUAL(std::size_t(2), forgotten->conversations);
        CPPUNIT_ASSERT_EQUAL(std::size_t(3), forgotten->messages);
        CPPUNIT_ASSERT_EQUAL(std::size_t(1), forgotten->leftMessages);

        // Nothing of Ann is left: no conversation, message, left message, visitor row or token.
        CPPUNIT_ASSERT(transcripts.list({kAnn, "", 0, 50}).empty());
        CPPUNIT_ASSERT_EQUAL(0, count("SELECT COUNT(*) FROM messages WHERE conversation_id IN (?, ?)", annChat_,
                                      annUnanswered_));
        CPPUNIT_ASSERT_EQUAL(0, count("SELECT COUNT(*) FROM left_messages WHERE conversation_id = ?", annUnanswered_));
        CPPUNIT_ASSERT(!store::SqliteConversationStore(*session_).findVisitorByTokenHash("ann-hash"));
        // Bea is untouched; the ban naming Ann's id is the admins' record and stays.
        CPPUNIT_ASSERT(ids(transcripts.list({})) == std::vector<std::int64_t>{beaChat_});
        CPPUNIT_ASSERT_EQUAL(std::int64_t(1), transcripts.find(beaChat_)->messageCount);
        CPPUNIT_ASSERT(store::SqliteConversationStore(*session_).findVisitorByTokenHash("bea-hash"));
        CPPUNIT_ASSERT(store::BanRepository(*session_).active(store::ban_kind::kVisitor, kAnn, 2));

        // Twice, or an id nobody has: nothing to forget.
        CPPUNIT_ASSERT(!transcripts.forgetVisitor(kAnn));
        CPPUNIT_ASSERT(!transcripts.forgetVisitor("v-0000000000000000"));
    }

private:
    static constexpr const char* kAnn = "v-00000000000000aa";
    static constexpr const char* kBea = "v-00000000000000bb";

    /// A conversation of `visitor` started at `startMs` with `messages`, then taken by `op`
    /// (none when empty) and put in `state` at `endMs`, as the core does.
    static std::int64_t conversation(store::SqliteConversationStore& store, const std::string& visitor,
                                     const std::string& op, ConversationState state, std::int64_t startMs,
                                     std::int64_t endMs, const std::vector<core::TranscriptLine>& messages)
    {
        ConversationRecord record{0, visitor, visitor == kAnn ? "Ann" : "Bea", "/shop", ConversationState::Ringing,
                                  {}, {}, 0};
        record.id = store.createConversation(record, startMs);
        for (const core::TranscriptLine& message : messages)
            store.appendMessage(record.id, message);
        record.state = state;
        record.operatorUsername = op;
        record.operatorDisplayName = op.empty() ? std::string() : op + " (display)";
        record.lastSeq = static_cast<std::int64_t>(messages.size());
        store.updateConversation(record, endMs);
        return record.id;
    }

    static std::vector<std::int64_t> ids(const std::vector<store::ConversationSummary>& rows)
    {
        std::vector<std::int64_t> result;
        for (const store::ConversationSummary& row : rows)
            result.push_back(row.id);
        return result;
    }

    template <typename... Values>
    int count(const std::string& sql, Values... values)
    {
        int n = -1;
        Poco::Data::Statement select(*session_);
        select << sql, Poco::Data::Keywords::into(n);
        (select.addBind(Poco::Data::Keywords::bind(values)), ...);
        select.execute();
        return n;
    }

    std::optional<testing::TemporaryDatabase> database_;
    std::unique_ptr<Poco::Data::Session> session_;
    std::int64_t annChat_ = 0;
    std::int64_t annUnanswered_ = 0;
    std::int64_t beaChat_ = 0;
};

CPPUNIT_TEST_SUITE_REGISTRATION(TranscriptRepositoryTest);

} // namespace ringdesk::admin_tests
