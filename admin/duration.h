#pragma once
// Ban durations on the command line (`ban user NAME --for 2h`).

#include <chrono>
#include <string>

namespace ringdesk::admin {

/// Parses a positive whole number followed by one unit: s (seconds), m (minutes), h (hours),
/// d (days), w (weeks), e.g. "30s", "15m", "2h", "7d". At most 3650 days. Throws
/// std::invalid_argument with a message naming the text otherwise.
std::chrono::milliseconds parseDuration(const std::string& text);

} // namespace ringdesk::admin
