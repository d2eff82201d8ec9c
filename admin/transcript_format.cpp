#include "admin/transcript_format.h"

#include "admin/admin_context.h"

#include <Poco/JSON/Array.h>

namespace ringdesk::admin {

using Poco::JSON::Object;

std::string authorOf(const store::ConversationSummary& conversation, const core::TranscriptLine& message)
{
    if (message.fromOperator) {
        if (!message.operatorName.empty())
            return message.operatorName;
        if (!conversation.operatorDisplayName.empty())
            return conversation.operatorDisplayName;
        return conversation.operatorUsername.empty() ? std::string("operator") : conversation.operatorUsername;
    }
    return conversation.visitorName.empty() ? std::string("visitor") : conversation.visitorName;
}

Object::Ptr conversationJson(const store::ConversationSummary& conversation)
{
    Object::Ptr json = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
    json->set("id", static_cast<Poco::Int64>(conversation.id));
    json->set("state", conversation.state);
    json->set("visitor", conversation.visitorId);
    json->set("visitor_name", conversation.visitorName);
    json->set("page", conversation.page);
    json->set("operator", conversation.operatorUsername);
    json->set("operator_name", conversation.operatorDisplayName);
    json->set("started", formatTime(conversation.startedAt));
    const auto ended = conversation.endedAt();
    json->set("ended", ended ? formatTime(*ended) : std::string());
    json->set("message_count", static_cast<Poco::Int64>(conversation.messageCount));
    return json;
}

Object::Ptr transcriptJson(const store::ConversationSummary& conversation,
                           const std::vector<core::TranscriptLine>& messages)
{
    Poco::JSON::Array::Ptr rows = new Poco::JSON::Array;
    for (const core::TranscriptLine& message : messages) {
        Object::Ptr row = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
        row->set("seq", static_cast<Poco::Int64>(message.seq));
        row->set("time", formatTime(message.ts));
        row->set("ts", static_cast<Poco::Int64>(message.ts));
        row->set("from", std::string(message.fromOperator ? "operator" : "visitor"));
        row->set("name", authorOf(conversation, message));
        row->set("text", message.text);
        rows->add(row);
    }
    Object::Ptr document = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
    document->set("format", std::string("ringdesk-transcript"));
    document->set("version", kTranscriptJsonVersion);
    document->set("conversation", conversationJson(conversation));
    document->set("messages", rows);
    return document;
}

namespace {

/// Characters (UTF-8 code points) in `text`: how far a continuation line is indented.
std::size_t characters(const std::string& text)
{
    std::size_t count = 0;
    for (const char c : text)
        count += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
    return count;
}

} // namespace

void writeTranscriptText(std::ostream& out, const store::ConversationSummary& conversation,
                         const std::vector<core::TranscriptLine>& messages)
{
    const auto named = [](const std::string& name, const std::string& id) {
        if (id.empty())
            return std::string("(none)");
        return name.empty() || name == id ? id : name + " (" + id + ")";
    };
    const auto ended = conversation.endedAt();
    out << "Conversation " << conversation.id << "\n"
        << "Visitor:   " << named(conversation.visitorName, conversation.visitorId) << "\n"
        << "Page:      " << (conversation.page.empty() ? std::string("(unknown)") : conversation.page) << "\n"
        << "Operator:  " << named(conversation.operatorDisplayName, conversation.operatorUsername) << "\n"
        << "Started:   " << formatTime(conversation.startedAt) << "\n"
        << "Ended:     " << (ended ? formatTime(*ended) : std::string("(still open)")) << "\n"
        << "State:     " << conversation.state << "\n"
        << "Messages:  " << conversation.messageCount << "\n"
        << "\n";
    for (const core::TranscriptLine& message : messages) {
        const std::string prefix = formatTime(message.ts) + "  " + authorOf(conversation, message) + ": ";
        std::string::size_type start = 0;
        bool first = true;
        for (;;) {
            const std::string::size_type end = message.text.find('\n', start);
            out << (first ? prefix : std::string(characters(prefix), ' '))
                << message.text.substr(start, end == std::string::npos ? std::string::npos : end - start) << "\n";
            if (end == std::string::npos)
                break;
            start = end + 1;
            first = false;
        }
    }
}

} // namespace ringdesk::admin
