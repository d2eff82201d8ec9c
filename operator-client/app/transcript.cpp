#include "operator-client/app/transcript.h"

#include <chrono>
#include <ctime>

namespace ringdesk::operator_app {

std::int64_t nowMs()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

std::string formatClock(std::int64_t epochMs)
{
    const std::time_t seconds = static_cast<std::time_t>(epochMs / 1000);
    std::tm local{};
    localtime_r(&seconds, &local);
    char text[8];
    std::strftime(text, sizeof text, "%H:%M", &local);
    return text;
}

std::string formatStamp(std::int64_t epochMs, std::int64_t nowMs)
{
    const auto localDay = [](std::int64_t ms) {
        const std::time_t seconds = static_cast<std::time_t>(ms / 1000);
        std::tm local{};
        localtime_r(&seconds, &local);
        return local;
    };
    const std::tm then = localDay(epochMs);
    const std::tm now = localDay(nowMs);
    if (then.tm_year == now.tm_year && then.tm_yday == now.tm_yday)
        return formatClock(epochMs);
    char text[24];
    std::strftime(text, sizeof text, "%e %b %H:%M", &then);
    return text[0] == ' ' ? std::string(text + 1) : std::string(text);
}

std::string formatTranscriptLine(std::int64_t epochMs, const std::string& who, const std::string& text,
                                 std::int64_t nowMs)
{
    const std::string stamp = nowMs != 0 ? formatStamp(epochMs, nowMs) : formatClock(epochMs);
    std::string line = "[" + stamp + "] " + who + ": ";
    const std::string indent(line.size(), ' ');
    for (char c : text) {
        line += c;
        if (c == '\n')
            line += indent;
    }
    return line;
}

std::string formatTranscriptNote(std::int64_t epochMs, const std::string& note)
{
    return "[" + formatClock(epochMs) + "] \u2014 " + note + " \u2014";
}

} // namespace ringdesk::operator_app
