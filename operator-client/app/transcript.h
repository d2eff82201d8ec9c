#pragma once
// Lines of a chat transcript as the chat tab shows them: "[HH:MM] Who: text", local time.

#include <cstdint>
#include <string>

namespace ringdesk::operator_app {

/// The wall clock now, in ms since the Unix epoch: the time of a line written locally.
std::int64_t nowMs();

/// "HH:MM" of `epochMs` (ms since the Unix epoch) in the local time zone.
std::string formatClock(std::int64_t epochMs);

/// "D Mon HH:MM" of `epochMs` when it is not on the same local day as `nowMs`, else "HH:MM".
std::string formatStamp(std::int64_t epochMs, std::int64_t nowMs);

/// "[HH:MM] who: text"; continuation lines of a multi-line `text` are indented under it.
/// With `nowMs` (not 0), a line from another day than `nowMs` reads "[D Mon HH:MM] ..." (team
/// messages may have waited days on the server; chats pass none and show the clock only).
std::string formatTranscriptLine(std::int64_t epochMs, const std::string& who, const std::string& text,
                                 std::int64_t nowMs = 0);

/// "[HH:MM] — note —" for events in the chat (chat opened, ended, connection lost...).
std::string formatTranscriptNote(std::int64_t epochMs, const std::string& note);

} // namespace ringdesk::operator_app
