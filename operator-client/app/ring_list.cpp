#include "operator-client/app/ring_list.h"

#include <algorithm>
#include <utility>

namespace ringdesk::operator_app {

void RingList::offered(const nlchat::Ring& ring)
{
    RingEntry fresh;
    fresh.ring = ring;
    if (RingEntry* entry = findMutable(ring.id)) {
        *entry = std::move(fresh);
        return;
    }
    entries_.push_back(std::move(fresh));
}

bool RingList::accepting(std::int64_t id)
{
    RingEntry* entry = findMutable(id);
    if (entry == nullptr || entry->phase != RingPhase::Waiting)
        return false;
    entry->phase = RingPhase::Accepting;
    return true;
}

void RingList::won(std::int64_t id, std::int64_t now)
{
    if (RingEntry* entry = findMutable(id)) {
        entry->phase = RingPhase::Won;
        entry->resolvedAt = now;
    }
}

void RingList::taken(std::int64_t id, const std::string& byName, std::int64_t now)
{
    if (RingEntry* entry = findMutable(id)) {
        entry->phase = RingPhase::Taken;
        entry->takenBy = byName;
        entry->resolvedAt = now;
    }
}

void RingList::closed(std::int64_t id, std::int64_t now)
{
    RingEntry* entry = findMutable(id);
    // A ring already won or taken keeps that outcome: the close that may follow says nothing new.
    if (entry != nullptr && (entry->phase == RingPhase::Waiting || entry->phase == RingPhase::Accepting)) {
        entry->phase = RingPhase::Closed;
        entry->resolvedAt = now;
    }
}

bool RingList::prune(std::int64_t now)
{
    const auto before = entries_.size();
    std::erase_if(entries_, [now](const RingEntry& entry) {
        return entry.resolvedAt != 0 && now - entry.resolvedAt > kKeepResolvedSeconds;
    });
    return entries_.size() != before;
}

bool RingList::anyOpen() const
{
    return std::any_of(entries_.begin(), entries_.end(), [](const RingEntry& entry) {
        return entry.phase == RingPhase::Waiting || entry.phase == RingPhase::Accepting;
    });
}

const RingEntry* RingList::find(std::int64_t id) const
{
    const auto it = std::find_if(entries_.begin(), entries_.end(),
                                 [id](const RingEntry& entry) { return entry.ring.id == id; });
    return it == entries_.end() ? nullptr : &*it;
}

RingEntry* RingList::findMutable(std::int64_t id)
{
    return const_cast<RingEntry*>(std::as_const(*this).find(id));
}

std::string formatCountdown(std::int64_t until, std::int64_t now)
{
    const std::int64_t left = std::max<std::int64_t>(0, until - now);
    const std::int64_t seconds = left % 60;
    return std::to_string(left / 60) + (seconds < 10 ? ":0" : ":") + std::to_string(seconds);
}

std::string describeRingPhase(const RingEntry& entry)
{
    switch (entry.phase) {
    case RingPhase::Waiting:
        return "ringing";
    case RingPhase::Accepting:
        return "accepting\u2026";
    case RingPhase::Won:
        return "you have it";
    case RingPhase::Taken:
        return entry.takenBy.empty() ? "taken" : "taken by " + entry.takenBy;
    case RingPhase::Closed:
        return "closed";
    }
    return {};
}

} // namespace ringdesk::operator_app
