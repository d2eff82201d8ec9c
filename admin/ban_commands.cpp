#include "admin/ban_commands.h"

#include "admin/duration.h"
#include "admin/table_printer.h"
#include "server/core/visitor_ban.h"
#include "server/store/ban_repository.h"
#include "server/store/user_repository.h"

namespace ringdesk::admin {
namespace {

using Poco::JSON::Object;

constexpr const char* kBanUsage =
    "usage: ringdesk-admin ban user NAME [--reason=TEXT] [--for=DURATION]\n"
    "       ringdesk-admin ban visitor VISITOR-ID|IP|CIDR [--reason=TEXT] [--for=DURATION]\n"
    "       (DURATION: 30s, 15m, 2h, 7d, 1w; without --for the ban lasts until lifted)";
constexpr const char* kUnbanUsage =
    "usage: ringdesk-admin unban user NAME\n"
    "       ringdesk-admin unban visitor VISITOR-ID|IP|CIDR";

/// The stored subject: an existing username, or a canonical visitor ban subject.
std::string subjectOf(AdminContext& context, const std::string& kind, const std::string& text)
{
    if (kind == store::ban_kind::kUser) {
        if (!store::UserRepository(context.database()).find(text))
            throw CommandFailed("no such user: " + text);
        return text;
    }
    try {
        return core::VisitorBanSubject::parse(text).text();
    } catch (const std::invalid_argument& e) {
        throw UsageError(e.what());
    }
}

void reportApplied(AdminContext& context, const std::string& kind, const std::string& subject,
                   Object& json, std::string& text)
{
    Object body;
    if (kind == store::ban_kind::kUser)
        body.set("username", subject);
    else
        body.set("visitors", true);
    const auto applied = context.applyOnServer(body);
    json.set("server", applied ? "applied" : "not running");
    if (!applied)
        return;
    if (kind == store::ban_kind::kUser) {
        const auto ended = (*applied)->getValue<Poco::UInt64>("sessions_ended");
        json.set("sessions_ended", ended);
        text += "; " + std::to_string(ended) + " sessions ended";
    } else {
        const auto refused = (*applied)->getValue<Poco::UInt64>("visitors_refused");
        json.set("visitors_refused", refused);
        text += "; " + std::to_string(refused) + " connected visitors refused";
    }
}

std::string kindOf(const std::vector<std::string>& words, const char* usage)
{
    if (words.size() != 2 || (words[0] != store::ban_kind::kUser && words[0] != store::ban_kind::kVisitor))
        throw UsageError(usage);
    return words[0];
}

} // namespace

void runBanCommand(AdminContext& context, const std::vector<std::string>& words)
{
    const std::string kind = kindOf(words, kBanUsage);
    const CommandOptions& options = context.options();
    std::optional<std::int64_t> until;
    const std::int64_t now = context.nowMs();
    if (!options.duration.empty()) {
        try {
            until = now + parseDuration(options.duration).count();
        } catch (const std::invalid_argument& e) {
            throw UsageError(e.what());
        }
    }
    if (options.reason.size() > 1000)
        throw UsageError("--reason is limited to 1000 bytes");

    Object arguments(Poco::JSON_PRESERVE_KEY_ORDER);
    arguments.set("kind", kind);
    arguments.set("subject", words[1]);
    if (!options.reason.empty())
        arguments.set("reason", options.reason);
    if (!options.duration.empty())
        arguments.set("for", options.duration);

    std::string subject;
    bool replaced = false;
    context.audited("ban " + kind, arguments, [&] {
        subject = subjectOf(context, kind, words[1]);
        store::BanRepository bans(context.database());
        // A new ban of a banned subject replaces the old one (e.g. to change its end).
        replaced = bans.lift(kind, subject, now, context.identity().admin) > 0;
        bans.add(kind, subject, options.reason, context.identity().admin, now, until);
    });

    Object json(Poco::JSON_PRESERVE_KEY_ORDER);
    json.set("kind", kind);
    json.set("subject", subject);
    json.set("until", until ? formatTime(*until) : std::string());
    json.set("replaced", replaced);
    std::string text = std::string(replaced ? "ban replaced: " : "banned ") + kind + " " + subject +
                       (until ? " until " + formatTime(*until) : std::string(" until lifted"));
    reportApplied(context, kind, subject, json, text);
    if (options.json)
        printJson(context.out(), json);
    else
        context.out() << text << "\n";
}

void runUnbanCommand(AdminContext& context, const std::vector<std::string>& words)
{
    const std::string kind = kindOf(words, kUnbanUsage);
    Object arguments(Poco::JSON_PRESERVE_KEY_ORDER);
    arguments.set("kind", kind);
    arguments.set("subject", words[1]);
    std::string subject;
    context.audited("unban " + kind, arguments, [&] {
        if (kind == store::ban_kind::kUser) {
            subject = words[1]; // a deleted user's ban may still be lifted
        } else {
            subject = subjectOf(context, kind, words[1]);
        }
        store::BanRepository bans(context.database());
        if (bans.lift(kind, subject, context.nowMs(), context.identity().admin) == 0)
            throw CommandFailed(kind + " " + subject + " is not banned");
    });
    Object json(Poco::JSON_PRESERVE_KEY_ORDER);
    json.set("kind", kind);
    json.set("subject", subject);
    std::string text = "lifted the ban of " + kind + " " + subject;
    if (kind == store::ban_kind::kVisitor)
        reportApplied(context, kind, subject, json, text);
    if (context.options().json)
        printJson(context.out(), json);
    else
        context.out() << text << "\n";
}

void runBansCommand(AdminContext& context, const std::vector<std::string>& words)
{
    if (!words.empty())
        throw UsageError("usage: ringdesk-admin bans [--all] [--json]");
    store::BanRepository bans(context.database());
    const std::int64_t now = context.nowMs();
    const std::vector<store::BanRow> rows = context.options().all ? bans.list() : bans.listActive(now);
    std::vector<Row> table;
    for (const store::BanRow& ban : rows)
        table.push_back({std::to_string(ban.id), ban.kind, ban.subject, ban.reason, ban.bannedBy,
                         formatTime(ban.since), ban.until ? formatTime(*ban.until) : std::string("(until lifted)"),
                         ban.stateAt(now)});
    printTable(context.out(), {"id", "kind", "subject", "reason", "banned_by", "since", "until", "state"}, table,
               context.options().json);
}

} // namespace ringdesk::admin
