#include "admin/transcript_commands.h"

#include "admin/table_printer.h"
#include "admin/time_argument.h"
#include "admin/transcript_format.h"
#include "admin/visitor_commands.h"
#include "server/store/sqlite_conversation_store.h"
#include "server/store/transcript_repository.h"

#include <Poco/NumberParser.h>

namespace ringdesk::admin {
namespace {

constexpr const char* kUsage =
    "usage: ringdesk-admin transcripts list [--visitor=ID] [--operator=NAME] [--since=DATE] [--limit=N]\n"
    "       ringdesk-admin transcripts show ID\n"
    "       ringdesk-admin transcripts export ID [--format=txt|json]\n"
    "       (DATE: 2026-12-01 or 2026-12-01T09:30:00, UTC unless a zone follows: Z, +01:00)";

std::int64_t conversationIdArgument(const std::string& text)
{
    Poco::Int64 id = 0;
    if (!Poco::NumberParser::tryParse64(text, id) || id <= 0)
        throw UsageError("'" + text + "' is not a conversation id (a whole number above 0, as in transcripts list)");
    return id;
}

/// The conversation and its messages in seq order; CommandFailed when there is none.
std::pair<store::ConversationSummary, std::vector<core::TranscriptLine>> load(AdminContext& context,
                                                                              const std::string& idText)
{
    const std::int64_t id = conversationIdArgument(idText);
    Poco::Data::Session& db = context.database();
    std::optional<store::ConversationSummary> conversation = store::TranscriptRepository(db).find(id);
    if (!conversation)
        throw CommandFailed("no such conversation: " + std::to_string(id));
    return {*conversation, store::SqliteConversationStore(db).messages(id, 0)};
}

void listTranscripts(AdminContext& context)
{
    const CommandOptions& options = context.options();
    store::TranscriptFilter filter;
    if (!options.visitor.empty())
        filter.visitorId = visitorIdArgument(options.visitor);
    filter.operatorUsername = options.operatorName;
    if (!options.since.empty()) {
        try {
            filter.sinceMs = parseTimeArgument(options.since);
        } catch (const std::invalid_argument& e) {
            throw UsageError(std::string("--since: ") + e.what());
        }
    }
    if (options.limit < 1)
        throw UsageError("--limit must be at least 1");
    filter.limit = static_cast<std::size_t>(options.limit);

    std::vector<Row> rows;
    for (const store::ConversationSummary& c : store::TranscriptRepository(context.database()).list(filter)) {
        const auto ended = c.endedAt();
        rows.push_back({std::to_string(c.id), c.visitorId, c.visitorName, c.operatorUsername, c.state,
                        formatTime(c.startedAt), ended ? formatTime(*ended) : std::string(),
                        std::to_string(c.messageCount)});
    }
    printTable(context.out(), {"id", "visitor", "visitor_name", "operator", "state", "started", "ended", "messages"},
               rows, options.json);
}

/// One table line per message; a line break inside a message is shown as "\n" so that every
/// message stays on its line (export --format=txt keeps them).
std::string oneLine(const std::string& text)
{
    std::string line;
    for (const char c : text) {
        if (c == '\n')
            line += "\\n";
        else if (c != '\r')
            line += c;
    }
    return line;
}

void showTranscript(AdminContext& context, const std::string& idText)
{
    const auto [conversation, messages] = load(context, idText);
    if (context.options().json) {
        printJson(context.out(), *transcriptJson(conversation, messages));
        return;
    }
    const Poco::JSON::Object::Ptr header = conversationJson(conversation);
    std::vector<Row> fields;
    for (const std::string& key : header->getNames())
        fields.push_back({key, header->get(key).toString()});
    printTable(context.out(), {"field", "value"}, fields, false);
    context.out() << "\n";
    std::vector<Row> lines;
    for (const core::TranscriptLine& message : messages)
        lines.push_back({std::to_string(message.seq), formatTime(message.ts),
                         message.fromOperator ? "operator" : "visitor", authorOf(conversation, message),
                         oneLine(message.text)});
    printTable(context.out(), {"seq", "time", "from", "name", "text"}, lines, false);
}

void exportTranscript(AdminContext& context, const std::string& idText)
{
    const CommandOptions& options = context.options();
    const std::string format = !options.format.empty() ? options.format : options.json ? "json" : "txt";
    if (format != "txt" && format != "json")
        throw UsageError("--format must be txt or json");
    const auto [conversation, messages] = load(context, idText);
    if (format == "json") {
        // Indented: an export is a file people open as well as scripts.
        transcriptJson(conversation, messages)->stringify(context.out(), 2);
        context.out() << "\n";
    } else {
        writeTranscriptText(context.out(), conversation, messages);
    }
}

} // namespace

void runTranscriptsCommand(AdminContext& context, const std::vector<std::string>& words)
{
    const std::string verb = words.empty() ? std::string() : words[0];
    if (verb == "list" && words.size() == 1)
        return listTranscripts(context);
    if (verb == "show" && words.size() == 2)
        return showTranscript(context, words[1]);
    if (verb == "export" && words.size() == 2)
        return exportTranscript(context, words[1]);
    throw UsageError(kUsage);
}

} // namespace ringdesk::admin
