#pragma once
// The rings the operator sees (PRODUCT.md step 4), without wx: each ring from its offer to
// its outcome ("you have it", "taken by NAME", closed), with the countdown from the ring's
// `time`. RingsPanel (rings_panel_ui.h) shows it; resolved rings stay listed a few seconds so
// that the operator can read the outcome, then prune() removes them.

#include "protocol/nlchat_packet.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ringdesk::operator_app {

enum class RingPhase
{
    Waiting,   // offered; the operator may accept
    Accepting, // ringACK sent, no ringACKACK yet
    Won,       // this operator has it
    Taken,     // another operator has it
    Closed,    // timed out or withdrawn
};

struct RingEntry
{
    nlchat::Ring ring;
    RingPhase phase = RingPhase::Waiting;
    /// The winner's display name when Taken.
    std::string takenBy;
    /// When the outcome arrived (epoch seconds), for prune().
    std::int64_t resolvedAt = 0;
};

class RingList
{
public:
    /// How long (s) a resolved ring stays listed.
    static constexpr std::int64_t kKeepResolvedSeconds = 8;

    /// A ring was offered; an offer repeated for a listed id replaces it (Waiting again).
    void offered(const nlchat::Ring& ring);
    /// The operator pressed Accept: Waiting becomes Accepting. Returns false (nothing
    /// changes) when the ring is unknown or not Waiting, so a double click sends one ringACK.
    bool accepting(std::int64_t id);
    /// Outcomes; `now` in epoch seconds. Unknown ids are ignored.
    void won(std::int64_t id, std::int64_t now);
    void taken(std::int64_t id, const std::string& byName, std::int64_t now);
    void closed(std::int64_t id, std::int64_t now);
    /// Removes rings resolved more than kKeepResolvedSeconds before `now`; true when any went.
    bool prune(std::int64_t now);

    /// True while some ring is Waiting or Accepting (the ring alert keeps sounding).
    bool anyOpen() const;
    const std::vector<RingEntry>& entries() const { return entries_; }
    const RingEntry* find(std::int64_t id) const;

private:
    RingEntry* findMutable(std::int64_t id);
    std::vector<RingEntry> entries_;
};

/// "m:ss" left until `until` (epoch seconds) at `now`; "0:00" once passed.
std::string formatCountdown(std::int64_t until, std::int64_t now);

/// What the list's status column says for `entry`: "ringing", "accepting…", "you have it",
/// "taken by NAME" ("taken" without a name), "closed".
std::string describeRingPhase(const RingEntry& entry);

} // namespace ringdesk::operator_app
