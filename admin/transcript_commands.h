#pragma once
// `ringdesk-admin transcripts ...` (docs/admin.md, "Transcripts"): the stored conversations,
// read from the database directly, so they work whether or not the server runs. Reading only:
// not recorded in the audit log.

#include "admin/admin_context.h"

#include <string>
#include <vector>

namespace ringdesk::admin {

/// `transcripts list [--visitor=ID] [--operator=NAME] [--since=DATE] [--limit=N]`: the newest N
/// conversations (default 50) with id, visitor, operator, state, started, ended and message
/// count; `transcripts show ID`: its header and messages in seq order; `transcripts export ID
/// [--format=txt|json]`: the same as a readable text or the JSON document of
/// admin/transcript_format.h. `words` are the arguments after "transcripts". Throws
/// UsageError (a bad ID, date, format) or CommandFailed (no such conversation).
void runTranscriptsCommand(AdminContext& context, const std::vector<std::string>& words);

} // namespace ringdesk::admin
