#pragma once
// `ringdesk-admin visitor forget ID` (docs/admin.md, "Forgetting a visitor"): deletes what the
// store keeps about one visitor, after asking a running server that the visitor is in no live
// conversation and has no chat window open.

#include "admin/admin_context.h"

#include <string>
#include <vector>

namespace ringdesk::admin {

/// `visitor forget ID`; `words` are the arguments after "visitor". Recorded in the audit log
/// (action "visitor forget"), refusals too. Throws UsageError (not a visitor id) or
/// CommandFailed (no such visitor; live on the running server; the server refused or failed).
void runVisitorCommand(AdminContext& context, const std::vector<std::string>& words);

/// `text` as a stored visitor id ("v-" and 16 lowercase hex digits). Throws UsageError when it
/// is not one.
std::string visitorIdArgument(const std::string& text);

} // namespace ringdesk::admin
