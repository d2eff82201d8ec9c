#pragma once
// `ringdesk-admin logout|sessions|rings` (docs/admin.md, "Live actions"): through the running
// server's admin API only; they fail (exit 1) with a clear message when it is not reachable.

#include "admin/admin_context.h"

#include <string>
#include <vector>

namespace ringdesk::admin {

/// `logout NAME [--reason=TEXT]`: ends every session of the user at once. The server records
/// it in the audit log; when the server cannot be reached the failure is recorded here.
void runLogoutCommand(AdminContext& context, const std::vector<std::string>& words);
/// `sessions [--visitors]`: who is connected (protocol, address, since, status, open chats);
/// with --visitors also every visitor WebSocket.
void runSessionsCommand(AdminContext& context, const std::vector<std::string>& words);
/// `rings`: open rings and visitors waiting for their operator to come back.
void runRingsCommand(AdminContext& context, const std::vector<std::string>& words);

} // namespace ringdesk::admin
