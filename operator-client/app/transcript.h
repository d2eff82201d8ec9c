#pragma once
// Lines of a chat transcript as the chat tab shows them: "[HH:MM] Who: text", local time.

#include <cstdint>
#include <string>

namespace ringdesk::operator_app {

/// "HH:MM" of `epochMs` (ms since the Unix epoch) in the local time zone.
std::string formatClock(std::int64_t epochMs);

/// "[HH:MM] who: text"; continuation lines of a multi-line `text` are indented under it.
std::string formatTranscriptLine(std::int64_t epochMs, const std::string& who, const std::string& text);

/// "[HH:MM] — note —" for events in the chat (chat opened, ended, connection lost...).
std::string formatTranscriptNote(std::int64_t epochMs, const std::string& note);

} // namespace ringdesk::operator_app
