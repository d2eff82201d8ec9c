#pragma once
// The relayed text: "<run> <pair> <send time, ns of steady_clock> " padded with 'x' to a fixed
// size, so the receiver knows the one-way latency without a second clock.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace ringdesk::bench {

/// Bytes of every relayed text (the "about 150 bytes").
inline constexpr std::size_t kPayloadBytes = 150;

struct Stamp
{
    std::uint32_t run = 0;
    std::size_t pair = 0;
    std::int64_t sentNs = 0;
};

/// The text for `stamp`, exactly kPayloadBytes long.
std::string makePayload(const Stamp& stamp);
/// Parses a text made by makePayload(); std::nullopt for any other text.
std::optional<Stamp> parsePayload(std::string_view text);
/// steady_clock now in ns.
std::int64_t nowNs();

} // namespace ringdesk::bench
