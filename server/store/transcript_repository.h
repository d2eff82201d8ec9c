#pragma once
// Transcripts for administrators (docs/admin.md, "Transcripts"): the conversations of
// db/migrations/0001_initial.sql listed with their message counts, and everything the store
// keeps about one visitor removed on request (`ringdesk-admin visitor forget`). A
// conversation's messages are read with SqliteConversationStore::messages, as the server does.

#include <Poco/Data/Session.h>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ringdesk::store {

/// One row of conversations, with how many messages it stored.
struct ConversationSummary
{
    std::int64_t id = 0;
    std::string visitorId;
    std::string visitorName;
    std::string page;
    std::string state; // ringing, connected, waiting, ended or unanswered
    std::string operatorUsername;    // empty when no operator took it
    std::string operatorDisplayName;
    std::int64_t startedAt = 0; // ms since the epoch
    std::int64_t updatedAt = 0; // its last change (a message, a state), ms since the epoch
    std::int64_t messageCount = 0; // rows in messages (0 when the server ran with storeTranscripts off)

    /// When it ended: its last change once the state is ended or unanswered (nothing changes
    /// a conversation after that); nullopt while it is open.
    std::optional<std::int64_t> endedAt() const;
};

/// Which conversations list() returns; empty / 0 fields do not filter.
struct TranscriptFilter
{
    std::string visitorId;
    std::string operatorUsername; // the account that took the conversation
    std::int64_t sinceMs = 0;     // started at or after, ms since the epoch
    std::size_t limit = 50;       // at most this many (>= 1)
};

/// What forgetVisitor() deleted.
struct ForgottenVisitor
{
    std::size_t conversations = 0;
    std::size_t messages = 0;
    std::size_t leftMessages = 0;
};

class TranscriptRepository
{
public:
    /// Uses `session` for every statement; the caller owns it, its thread and its transaction.
    explicit TranscriptRepository(Poco::Data::Session& session);

    /// The conversations matching `filter`, newest first. Throws std::invalid_argument when
    /// `filter.limit` is 0.
    std::vector<ConversationSummary> list(const TranscriptFilter& filter);
    /// Conversation `id`, or nullopt when there is none.
    std::optional<ConversationSummary> find(std::int64_t id);

    /// Deletes what identifies the visitor `visitorId`: its row in visitors (resume token
    /// hash, name, address), its conversations with their messages, and the messages it left
    /// when nobody answered. Bans and audit rows naming the id stay (they are the admins'
    /// records). Returns nullopt, deleting nothing, when no such visitor exists. Run it in a
    /// transaction (the caller's), so that it removes all of it or nothing: its first statement
    /// takes SQLite's write lock, waiting out a concurrent writer (the busy timeout).
    std::optional<ForgottenVisitor> forgetVisitor(const std::string& visitorId);

private:
    Poco::Data::Session& session_;
};

} // namespace ringdesk::store
