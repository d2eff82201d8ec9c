#pragma once
// How ringdesk-admin renders a transcript (docs/admin.md, "Transcripts"): the stable JSON
// document of `transcripts export --format=json` (and `show --json`), and the readable text of
// `export --format=txt`. Pure: no database, no streams but the one given.

#include "server/core/conversation_store.h"
#include "server/store/transcript_repository.h"

#include <Poco/JSON/Object.h>

#include <ostream>
#include <string>
#include <vector>

namespace ringdesk::admin {

/// Version of the JSON document; it goes up only when a field changes meaning or goes away
/// (new fields may be added without a change).
inline constexpr int kTranscriptJsonVersion = 1;

/// Who wrote `message`, as shown: for an operator message the display name it was sent
/// under, else the conversation's operator, else "operator"; for a visitor message the
/// visitor's name, else "visitor".
std::string authorOf(const store::ConversationSummary& conversation, const core::TranscriptLine& message);

/// The conversation's fields, in this order: id, state, visitor, visitor_name, page,
/// operator (username), operator_name, started, ended (ISO 8601 UTC; "" while open),
/// message_count. Numbers are JSON numbers.
Poco::JSON::Object::Ptr conversationJson(const store::ConversationSummary& conversation);

/// {"format":"ringdesk-transcript","version":1,"conversation":conversationJson(...),
///  "messages":[{"seq","time" (ISO 8601 UTC),"ts" (ms since the epoch),"from":"visitor"|
///  "operator","name" (authorOf),"text"}]}, messages in the order given (seq order).
Poco::JSON::Object::Ptr transcriptJson(const store::ConversationSummary& conversation,
                                       const std::vector<core::TranscriptLine>& messages);

/// A header (conversation, visitor, page, operator, started, ended, state, message count),
/// an empty line, then one line per message: "<time>  <author>: <text>", the lines of a
/// multi-line message after its first indented under the text.
void writeTranscriptText(std::ostream& out, const store::ConversationSummary& conversation,
                         const std::vector<core::TranscriptLine>& messages);

} // namespace ringdesk::admin
