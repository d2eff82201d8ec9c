#include "admin/audit_commands.h"

#include "admin/table_printer.h"
#include "server/store/audit_repository.h"

namespace ringdesk::admin {

void runAuditCommand(AdminContext& context, const std::vector<std::string>& words)
{
    if (!words.empty())
        throw UsageError("usage: ringdesk-admin audit [--limit=N] [--as=ADMIN] [--json]");
    if (context.options().limit < 1)
        throw UsageError("--limit must be at least 1");
    store::AuditRepository audit(context.database());
    std::vector<Row> rows;
    for (const store::AuditRow& row :
         audit.list(static_cast<std::size_t>(context.options().limit), context.options().actAs))
        rows.push_back({std::to_string(row.id), formatTime(row.at), row.admin, row.osUser, row.source,
                        row.action, row.arguments, row.outcome});
    printTable(context.out(), {"id", "time", "admin", "os_user", "source", "action", "arguments", "outcome"}, rows,
               context.options().json);
}

} // namespace ringdesk::admin
