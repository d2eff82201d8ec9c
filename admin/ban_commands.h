#pragma once
// `ringdesk-admin ban|unban|bans` (docs/admin.md, "Bans"): written to the database directly (so
// they work while the server is down), then applied at once by a running server: a banned
// user's sessions end, a banned visitor is told that chat is unavailable.

#include "admin/admin_context.h"

#include <string>
#include <vector>

namespace ringdesk::admin {

/// `ban user NAME [--reason T] [--for D]` / `ban visitor ID|IP|CIDR [--reason T] [--for D]`;
/// `words` are the arguments after "ban".
void runBanCommand(AdminContext& context, const std::vector<std::string>& words);
/// `unban user NAME` / `unban visitor ID|IP|CIDR`.
void runUnbanCommand(AdminContext& context, const std::vector<std::string>& words);
/// `bans [--all]`: active bans; with --all also lifted and expired ones.
void runBansCommand(AdminContext& context, const std::vector<std::string>& words);

} // namespace ringdesk::admin
