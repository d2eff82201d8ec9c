#include "admin/visitor_commands.h"

#include "server/admin_contract/admin_api_contract.h"
#include "server/core/visitor_ban.h"
#include "server/store/transcript_repository.h"

#include <Poco/String.h>
#include <Poco/URI.h>

namespace ringdesk::admin {
namespace {

using Poco::JSON::Object;

constexpr const char* kUsage = "usage: ringdesk-admin visitor forget VISITOR-ID";

/// What to do when the running server still holds the visitor: a ban ends its conversation at
/// once and keeps it from starting another (Core::enforceVisitorBans), after which nothing of
/// it can reach the store again.
std::string advice(const std::string& visitorId)
{
    return "end it first: 'ringdesk-admin ban visitor " + visitorId +
           "' does so at once and keeps the visitor from starting another (leave the ban in place), then run "
           "'ringdesk-admin visitor forget " + visitorId + "' again";
}

/// Asks a running server whether it holds the visitor; throws CommandFailed when it does (a
/// live conversation, or a chat window that is not refused by a ban, whose next message would
/// start a conversation under the forgotten id). Returns false when no server is reachable
/// (then nothing can be live).
bool checkNotLive(AdminContext& context, const std::string& visitorId)
{
    Poco::URI path(admin_api::path::kVisitor);
    path.addQueryParameter("id", visitorId);
    Object::Ptr view;
    try {
        view = context.server().get(path.toString());
    } catch (const ServerUnreachable& e) {
        context.err() << "note: " << e.what() << "\n"
                      << "note: no server runs to hold the visitor: forgetting it from the database\n";
        return false;
    }
    const auto conversation = view->getValue<Poco::Int64>("conversation");
    if (conversation != 0) {
        const std::string op = view->getValue<std::string>("operator");
        throw CommandFailed("visitor " + visitorId + " is in live conversation " + std::to_string(conversation) +
                            " (" + view->getValue<std::string>("state") + (op.empty() ? "" : ", operator " + op) +
                            ") on the running server; " + advice(visitorId));
    }
    const auto open = view->getValue<Poco::UInt64>("connections") - view->getValue<Poco::UInt64>("refused_connections");
    if (open != 0)
        throw CommandFailed("visitor " + visitorId + " has " + std::to_string(open) +
                            " chat window(s) open on the running server, and its next message would start a "
                            "conversation; " + advice(visitorId));
    return true;
}

void forgetVisitor(AdminContext& context, const std::string& text)
{
    const std::string visitorId = visitorIdArgument(text);
    Object arguments(Poco::JSON_PRESERVE_KEY_ORDER);
    arguments.set("visitor", visitorId);
    bool serverChecked = false;
    store::ForgottenVisitor forgotten;
    context.audited("visitor forget", arguments, [&] {
        // The transaction is open but has taken no lock yet: the server keeps writing while
        // it is asked.
        serverChecked = checkNotLive(context, visitorId);
        const auto deleted = store::TranscriptRepository(context.database()).forgetVisitor(visitorId);
        if (!deleted)
            throw CommandFailed("no such visitor: " + visitorId);
        forgotten = *deleted;
    });

    if (context.options().json) {
        Object json(Poco::JSON_PRESERVE_KEY_ORDER);
        json.set("visitor", visitorId);
        json.set("conversations_deleted", static_cast<Poco::UInt64>(forgotten.conversations));
        json.set("messages_deleted", static_cast<Poco::UInt64>(forgotten.messages));
        json.set("left_messages_deleted", static_cast<Poco::UInt64>(forgotten.leftMessages));
        json.set("server", serverChecked ? "checked" : "not running");
        printJson(context.out(), json);
        return;
    }
    context.out() << "forgot visitor " << visitorId << ": deleted " << forgotten.conversations
                  << " conversations, " << forgotten.messages << " messages and " << forgotten.leftMessages
                  << " left messages\n";
}

} // namespace

std::string visitorIdArgument(const std::string& text)
{
    // The ban parser knows the shape of a visitor id; the admin tool checks with it alone.
    const std::string id = Poco::toLower(text);
    const std::optional<core::VisitorBanSubject> subject = core::VisitorBanSubject::tryParse(id);
    if (!subject || std::string(subject->kindName()) != "visitor id")
        throw UsageError("'" + text + "' is not a visitor id (v- and 16 hex digits, as in transcripts list)");
    return subject->text();
}

void runVisitorCommand(AdminContext& context, const std::vector<std::string>& words)
{
    if (words.size() == 2 && words[0] == "forget")
        return forgetVisitor(context, words[1]);
    throw UsageError(kUsage);
}

} // namespace ringdesk::admin
