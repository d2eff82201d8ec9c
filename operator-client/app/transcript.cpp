#include "operator-client/app/transcript.h"

#include <ctime>

namespace ringdesk::operator_app {

std::string formatClock(std::int64_t epochMs)
{
    const std::time_t seconds = static_cast<std::time_t>(epochMs / 1000);
    std::tm local{};
    localtime_r(&seconds, &local);
    char text[8];
    std::strftime(text, sizeof text, "%H:%M", &local);
    return text;
}

std::string formatTranscriptLine(std::int64_t epochMs, const std::string& who, const std::string& text)
{
    std::string line = "[" + formatClock(epochMs) + "] " + who + ": ";
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
