#pragma once
// Times on the command line (`transcripts list --since 2026-12-01`).

#include <cstdint>
#include <string>

namespace ringdesk::admin {

/// Parses an ISO 8601 date or date-time and returns ms since the epoch:
/// - `2026-12-01`: that day's midnight, UTC;
/// - `2026-12-01T09:30`, `2026-12-01T09:30:15`, `2026-12-01T09:30:15.250` (a space may stand
///   for the T), in UTC, or in the zone given after it: `Z`, `+01:00`, `-0500`.
/// Throws std::invalid_argument naming the text when it is none of these or names no real
/// day or time (2026-02-30, 24:00).
std::int64_t parseTimeArgument(const std::string& text);

} // namespace ringdesk::admin
