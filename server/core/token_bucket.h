#pragma once
// Rate limits for visitors (docs/configuration.md, "Visitor limits"): token buckets, the shaper
// of ejabberd's and Prosody's traffic limits. A bucket holds at most `burst` tokens and gains
// `perSecond` of them each second; each event takes one, and an event with no token left is
// refused. Times are ms on any base, the same for every call (the core's clock, a loop's
// steady clock). Not thread-safe: each bucket or table belongs to one thread.

#include <cstdint>
#include <string>
#include <unordered_map>

namespace ringdesk::core {

/// "retry in N s" for a refusal: `waitMs` rounded up to whole seconds.
std::string retryInText(std::int64_t waitMs);

struct RateLimit
{
    double perSecond = 1; // sustained events per second (> 0)
    double burst = 1;     // events allowed at once after a quiet spell (≥ 1)

    /// `count` events per `windowMs` (both > 0): a full bucket of `count`, refilled over the window.
    static RateLimit perWindow(double count, std::int64_t windowMs)
    {
        return {count * 1000.0 / static_cast<double>(windowMs), count};
    }
};

class TokenBucket
{
public:
    /// Starts full at `nowMs`.
    TokenBucket(RateLimit limit, std::int64_t nowMs);

    /// Takes one token at `nowMs`: true when one was left; false (nothing taken) otherwise.
    bool take(std::int64_t nowMs);
    /// ms from `nowMs` until take() can succeed; 0 when it can now.
    std::int64_t retryAfterMs(std::int64_t nowMs);
    /// True when the bucket is full at `nowMs` (its key can be forgotten without changing a decision).
    bool full(std::int64_t nowMs);
    /// Applies a new limit from `nowMs` on, keeping the tokens it has (at most the new burst).
    void setLimit(RateLimit limit, std::int64_t nowMs);

private:
    void refill(std::int64_t nowMs);

    RateLimit limit_;
    double tokens_;
    std::int64_t updatedMs_;
};

/// Token buckets keyed by a string (a peer address). At most `maxKeys` are remembered: when the
/// table is full, keys whose buckets are full again are forgotten first, and if none is, an
/// arbitrary one (many addresses can make the limit forget, never make the table grow).
class KeyedRateLimit
{
public:
    KeyedRateLimit(RateLimit limit, std::size_t maxKeys);

    /// Takes one token of `key`'s bucket at `nowMs`. Returns 0 when allowed, otherwise the ms
    /// until an event of `key` would be allowed (nothing taken).
    std::int64_t take(const std::string& key, std::int64_t nowMs);
    /// A new limit for every key from `nowMs` on (configuration reload).
    void setLimit(RateLimit limit, std::int64_t nowMs);
    std::size_t trackedKeys() const { return buckets_.size(); }

private:
    void makeRoom(std::int64_t nowMs);

    RateLimit limit_;
    const std::size_t maxKeys_;
    std::int64_t lastSweepMs_ = 0;
    std::unordered_map<std::string, TokenBucket> buckets_;
};

} // namespace ringdesk::core
