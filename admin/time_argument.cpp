#include "admin/time_argument.h"

#include <Poco/DateTime.h>

#include <cctype>
#include <stdexcept>

namespace ringdesk::admin {
namespace {

/// Reads exactly `digits` decimal digits at `pos` and moves past them; false when they are not
/// there.
bool readNumber(const std::string& text, std::size_t& pos, std::size_t digits, int& value)
{
    if (pos + digits > text.size())
        return false;
    value = 0;
    for (std::size_t i = pos; i < pos + digits; ++i) {
        if (!std::isdigit(static_cast<unsigned char>(text[i])))
            return false;
        value = value * 10 + (text[i] - '0');
    }
    pos += digits;
    return true;
}

bool readChar(const std::string& text, std::size_t& pos, char expected)
{
    if (pos >= text.size() || text[pos] != expected)
        return false;
    ++pos;
    return true;
}

} // namespace

std::int64_t parseTimeArgument(const std::string& text)
{
    const std::invalid_argument bad("'" + text +
                                    "' is not a date or time: use 2026-12-01 or 2026-12-01T09:30:00 "
                                    "(UTC unless a zone follows: Z, +01:00)");
    std::size_t pos = 0;
    int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0, millisecond = 0;
    if (!readNumber(text, pos, 4, year) || !readChar(text, pos, '-') || !readNumber(text, pos, 2, month) ||
        !readChar(text, pos, '-') || !readNumber(text, pos, 2, day))
        throw bad;
    int offsetMinutes = 0;
    if (pos < text.size()) {
        if (!readChar(text, pos, 'T') && !readChar(text, pos, ' '))
            throw bad;
        if (!readNumber(text, pos, 2, hour) || !readChar(text, pos, ':') || !readNumber(text, pos, 2, minute))
            throw bad;
        if (readChar(text, pos, ':')) {
            if (!readNumber(text, pos, 2, second))
                throw bad;
            if (readChar(text, pos, '.')) {
                // Milliseconds: the first three digits count, more are allowed and dropped.
                const std::size_t start = pos;
                while (pos < text.size() && std::isdigit(static_cast<unsigned char>(text[pos])))
                    ++pos;
                if (pos == start)
                    throw bad;
                const std::string digits = (text.substr(start, pos - start) + "00").substr(0, 3);
                millisecond = std::stoi(digits);
            }
        }
        if (readChar(text, pos, 'Z')) {
            // UTC
        } else if (pos < text.size() && (text[pos] == '+' || text[pos] == '-')) {
            const int sign = text[pos++] == '-' ? -1 : 1;
            int zoneHours = 0, zoneMinutes = 0;
            if (!readNumber(text, pos, 2, zoneHours))
                throw bad;
            readChar(text, pos, ':');
            if (!readNumber(text, pos, 2, zoneMinutes) || zoneHours > 14 || zoneMinutes > 59)
                throw bad;
            offsetMinutes = sign * (zoneHours * 60 + zoneMinutes);
        }
        if (pos != text.size())
            throw bad;
    }
    if (!Poco::DateTime::isValid(year, month, day, hour, minute, second, millisecond))
        throw std::invalid_argument("'" + text + "' names no real day or time");
    const Poco::DateTime time(year, month, day, hour, minute, second, millisecond);
    return time.timestamp().epochMicroseconds() / 1000 - std::int64_t(offsetMinutes) * 60 * 1000;
}

} // namespace ringdesk::admin
