#include "payload.h"

#include <charconv>
#include <chrono>

namespace ringdesk::bench {

std::int64_t nowNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

std::string makePayload(const Stamp& stamp)
{
    std::string text = std::to_string(stamp.run) + " " + std::to_string(stamp.pair) + " " +
                       std::to_string(stamp.sentNs) + " ";
    text.resize(kPayloadBytes, 'x');
    return text;
}

std::optional<Stamp> parsePayload(std::string_view text)
{
    Stamp stamp;
    const char* p = text.data();
    const char* end = text.data() + text.size();
    auto field = [&](auto& value) {
        const auto [next, error] = std::from_chars(p, end, value);
        if (error != std::errc() || next == end || *next != ' ')
            return false;
        p = next + 1;
        return true;
    };
    if (!field(stamp.run) || !field(stamp.pair) || !field(stamp.sentNs))
        return std::nullopt;
    return stamp;
}

} // namespace ringdesk::bench
