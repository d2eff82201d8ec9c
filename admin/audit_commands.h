#pragma once
// `ringdesk-admin audit` (docs/admin.md, "Audit log"): the admin actions recorded, newest first.

#include "admin/admin_context.h"

#include <string>
#include <vector>

namespace ringdesk::admin {

/// `audit [--limit=N] [--as=NAME]`: the newest N rows (default 50), only NAME's with --as.
void runAuditCommand(AdminContext& context, const std::vector<std::string>& words);

} // namespace ringdesk::admin
