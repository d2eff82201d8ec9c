#include "admin/live_commands.h"

#include "admin/table_printer.h"
#include "server/admin_contract/admin_api_contract.h"

#include <Poco/JSON/Array.h>

namespace ringdesk::admin {
namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;

std::string text(const Object& row, const std::string& key)
{
    return row.has(key) ? row.get(key).toString() : std::string();
}

std::string time(const Object& row, const std::string& key)
{
    const auto ms = row.optValue<Poco::Int64>(key, 0);
    return ms > 0 ? formatTime(ms) : std::string();
}

/// Prints the array `key` of `view`: as is with --json, else as a table of `columns` (the
/// fields named in `columns`; "since" formatted as a time).
void printView(AdminContext& context, const Object& view, const std::string& key, const Row& columns)
{
    const Array::Ptr items = view.getArray(key);
    if (context.options().json) {
        items->stringify(context.out());
        context.out() << "\n";
        return;
    }
    std::vector<Row> rows;
    for (std::size_t i = 0; i < items->size(); ++i) {
        const Object::Ptr item = items->getObject(static_cast<unsigned>(i));
        Row row;
        for (const std::string& column : columns)
            row.push_back(column == "since" ? time(*item, column) : text(*item, column));
        rows.push_back(row);
    }
    printTable(context.out(), columns, rows, false);
}

} // namespace

void runLogoutCommand(AdminContext& context, const std::vector<std::string>& words)
{
    if (words.size() != 1)
        throw UsageError("usage: ringdesk-admin logout NAME [--reason=TEXT]");
    const std::string& username = words[0];
    Object body(Poco::JSON_PRESERVE_KEY_ORDER);
    body.set("username", username);
    if (!context.options().reason.empty())
        body.set("reason", context.options().reason);
    Object::Ptr answer;
    try {
        answer = context.server().post(admin_api::path::kLogout, body);
    } catch (const ServerRefused& e) {
        // The server records every logout request that reached it, refused ones too.
        throw;
    } catch (const CommandFailed& e) {
        // What did not reach the server (unreachable, token refused) is recorded here.
        context.recordAudit("logout", body, std::string("failed: ") + e.what());
        throw;
    }
    const auto ended = answer->getValue<Poco::UInt64>("sessions_ended");
    if (context.options().json)
        printJson(context.out(), *answer);
    else
        context.out() << "logged out " << username << ": " << ended << " sessions ended\n";
}

void runSessionsCommand(AdminContext& context, const std::vector<std::string>& words)
{
    if (!words.empty())
        throw UsageError("usage: ringdesk-admin sessions [--visitors] [--json]");
    const Object::Ptr view = context.server().get(std::string(admin_api::path::kSessions) +
                                                  (context.options().visitors ? "?visitors=1" : ""));
    printView(context, *view, "sessions",
              {"username", "protocol", "address", "since", "status", "open_chats", "connection"});
}

void runRingsCommand(AdminContext& context, const std::vector<std::string>& words)
{
    if (!words.empty())
        throw UsageError("usage: ringdesk-admin rings [--json]");
    const Object::Ptr view = context.server().get(admin_api::path::kRings);
    printView(context, *view, "conversations",
              {"id", "state", "since", "visitor", "visitor_name", "address", "page", "operators_rung", "operator"});
    if (!context.options().json)
        context.out() << view->getValue<Poco::UInt64>("connected_chats") << " chats in progress, "
                      << view->getValue<Poco::UInt64>("visitor_connections") << " visitor connections\n";
}

} // namespace ringdesk::admin
