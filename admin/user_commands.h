#pragma once
// `ringdesk-admin user ...` (docs/admin.md, "Users"): account management on the database
// directly, so it works while the server is down; a running server is told at once when a
// deleted user must be logged out.

#include "admin/admin_context.h"

#include <string>
#include <vector>

namespace ringdesk::admin {

/// Runs `user add|list|show|passwd|set-role|delete|import` with `words` = the arguments after
/// "user". Throws UsageError / CommandFailed (admin/command_error.h).
void runUserCommand(AdminContext& context, const std::vector<std::string>& words);

} // namespace ringdesk::admin
