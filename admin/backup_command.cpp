#include "admin/backup_command.h"

#include "admin/sqlite_backup.h"

#include <Poco/File.h>

namespace ringdesk::admin {

void runBackupCommand(AdminContext& context, const std::vector<std::string>& words)
{
    if (words.size() != 1)
        throw UsageError("usage: ringdesk-admin backup FILE [--force]");
    const std::string& file = words[0];
    const std::string source = context.databasePath();
    // Checked here as well: recording the failure would create the database it did not find.
    if (!Poco::File(source).exists())
        throw CommandFailed("there is no database at " + source + " (is --data-dir or --config right?)");

    Poco::JSON::Object arguments(Poco::JSON_PRESERVE_KEY_ORDER);
    arguments.set("file", file);
    if (context.options().force)
        arguments.set("force", true);
    BackupOptions options;
    options.replace = context.options().force;
    BackupResult result;
    try {
        result = backupDatabase(source, file, options);
    } catch (const BackupTargetExists& e) {
        const std::string message = std::string(e.what()) + " (--force replaces it)";
        context.recordAudit("backup", arguments, "failed: " + message);
        throw CommandFailed(message);
    } catch (const BackupError& e) {
        context.recordAudit("backup", arguments, std::string("failed: ") + e.what());
        throw CommandFailed(e.what());
    }
    context.recordAudit("backup", arguments, "ok");

    if (context.options().json) {
        Poco::JSON::Object json(Poco::JSON_PRESERVE_KEY_ORDER);
        json.set("file", file);
        json.set("source", source);
        json.set("pages", static_cast<Poco::Int64>(result.pages));
        json.set("page_size", static_cast<Poco::Int64>(result.pageSize));
        json.set("bytes", static_cast<Poco::Int64>(result.bytes));
        json.set("steps", static_cast<Poco::Int64>(result.steps));
        json.set("busy_retries", static_cast<Poco::Int64>(result.busyRetries));
        json.set("integrity", std::string("ok"));
        printJson(context.out(), json);
        return;
    }
    context.out() << "backed up " << source << " to " << file << ": " << result.pages << " pages of "
                  << result.pageSize << " bytes, " << result.bytes << " bytes written in " << result.steps
                  << " steps; integrity_check ok\n";
}

} // namespace ringdesk::admin
