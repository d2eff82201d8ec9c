#include "admin/duration.h"

#include <cctype>
#include <cstdint>
#include <stdexcept>

namespace ringdesk::admin {

std::chrono::milliseconds parseDuration(const std::string& text)
{
    const auto bad = [&text]() {
        return std::invalid_argument("'" + text +
                                     "' is not a duration: a whole number and one of s, m, h, d, w (e.g. 30s, 15m, 2h, 7d)");
    };
    if (text.size() < 2 || text.size() > 12)
        throw bad();
    std::int64_t count = 0;
    for (std::size_t i = 0; i + 1 < text.size(); ++i) {
        if (!std::isdigit(static_cast<unsigned char>(text[i])))
            throw bad();
        count = count * 10 + (text[i] - '0');
    }
    std::int64_t unitMs = 0;
    switch (text.back()) {
    case 's': unitMs = 1000; break;
    case 'm': unitMs = 60 * 1000; break;
    case 'h': unitMs = 3600 * 1000; break;
    case 'd': unitMs = 24 * 3600 * 1000; break;
    case 'w': unitMs = 7 * 24 * 3600 * 1000; break;
    default: throw bad();
    }
    constexpr std::int64_t kMaxMs = std::int64_t(3650) * 24 * 3600 * 1000;
    if (count <= 0 || count > kMaxMs / unitMs)
        throw std::invalid_argument("'" + text + "' must be above zero and at most 3650 days");
    return std::chrono::milliseconds(count * unitMs);
}

} // namespace ringdesk::admin
