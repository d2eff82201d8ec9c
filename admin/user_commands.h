#pragma once
// `ringdesk-admin user ...`: account management on the database directly (works while the
// server is down; the server reads accounts at each login).

#include "admin/admin_application.h"

#include <Poco/Data/Session.h>

#include <iosfwd>
#include <string>
#include <vector>

namespace ringdesk::admin {

/// Runs `user add|list|passwd` with `words` = the arguments after "user".
/// Returns an exit code; messages go to `out` / `err`.
int runUserCommand(Poco::Data::Session& session, const std::vector<std::string>& words,
                   const CommandOptions& options, int defaultKdfIterations, std::ostream& out,
                   std::ostream& err);

} // namespace ringdesk::admin
