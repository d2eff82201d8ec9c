#pragma once
// `ringdesk-admin backup FILE [--force]` (docs/admin.md, "Backup"): a consistent copy of the
// server's database, taken while the server runs (admin/sqlite_backup.h).

#include "admin/admin_context.h"

#include <string>
#include <vector>

namespace ringdesk::admin {

/// `backup FILE [--force]`; `words` are the arguments after "backup". Prints the pages and
/// bytes copied. Recorded in the audit log (action "backup"), failures too, unless there is no
/// database to record them in. Throws UsageError (words) or CommandFailed (no database, FILE
/// exists without --force, the copy failed).
void runBackupCommand(AdminContext& context, const std::vector<std::string>& words);

} // namespace ringdesk::admin
