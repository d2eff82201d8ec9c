#include "server/core/token_bucket.h"

#include <algorithm>
#include <cmath>
#include <iterator>

namespace ringdesk::core {

std::string retryInText(std::int64_t waitMs) { return "retry in " + std::to_string((waitMs + 999) / 1000) + " s"; }

TokenBucket::TokenBucket(RateLimit limit, std::int64_t nowMs)
    : limit_(limit), tokens_(limit.burst), updatedMs_(nowMs)
{
}

void TokenBucket::refill(std::int64_t nowMs)
{
    if (nowMs <= updatedMs_)
        return;
    tokens_ =
        std::min(limit_.burst, tokens_ + static_cast<double>(nowMs - updatedMs_) * limit_.perSecond / 1000.0);
    updatedMs_ = nowMs;
}

bool TokenBucket::take(std::int64_t nowMs)
{
    refill(nowMs);
    if (tokens_ < 1.0)
        return false;
    tokens_ -= 1.0;
    return true;
}

std::int64_t TokenBucket::retryAfterMs(std::int64_t nowMs)
{
    refill(nowMs);
    if (tokens_ >= 1.0)
        return 0;
    return static_cast<std::int64_t>(std::ceil((1.0 - tokens_) * 1000.0 / limit_.perSecond));
}

bool TokenBucket::full(std::int64_t nowMs)
{
    refill(nowMs);
    return tokens_ >= limit_.burst;
}

void TokenBucket::setLimit(RateLimit limit, std::int64_t nowMs)
{
    refill(nowMs);
    limit_ = limit;
    tokens_ = std::min(tokens_, limit_.burst);
}

KeyedRateLimit::KeyedRateLimit(RateLimit limit, std::size_t maxKeys)
    : limit_(limit), maxKeys_(std::max<std::size_t>(1, maxKeys))
{
}

std::int64_t KeyedRateLimit::take(const std::string& key, std::int64_t nowMs)
{
    auto found = buckets_.find(key);
    if (found == buckets_.end()) {
        if (buckets_.size() >= maxKeys_)
            makeRoom(nowMs);
        found = buckets_.emplace(key, TokenBucket(limit_, nowMs)).first;
    }
    TokenBucket& bucket = found->second;
    if (bucket.take(nowMs))
        return 0;
    return std::max<std::int64_t>(1, bucket.retryAfterMs(nowMs));
}

void KeyedRateLimit::setLimit(RateLimit limit, std::int64_t nowMs)
{
    limit_ = limit;
    for (auto& [key, bucket] : buckets_)
        bucket.setLimit(limit, nowMs);
}

void KeyedRateLimit::makeRoom(std::int64_t nowMs)
{
    // A sweep costs the whole table: at most one a second, arbitrary evictions in between.
    if (nowMs - lastSweepMs_ >= 1000 || nowMs < lastSweepMs_) {
        lastSweepMs_ = nowMs;
        for (auto it = buckets_.begin(); it != buckets_.end();)
            it = it->second.full(nowMs) ? buckets_.erase(it) : std::next(it);
    }
    if (buckets_.size() >= maxKeys_)
        buckets_.erase(buckets_.begin());
}

} // namespace ringdesk::core
