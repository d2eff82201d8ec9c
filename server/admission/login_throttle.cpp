#include "server/admission/login_throttle.h"

#include <algorithm>

namespace ringdesk::admission {

LoginThrottle::LoginThrottle(LoginThrottleSettings settings) : settings_(settings) {}

LoginThrottle::Entry& LoginThrottle::touch(Table& table, const std::string& key, std::int64_t nowMs)
{
    auto found = table.find(key);
    if (found != table.end() && nowMs - found->second.lastSeenMs >= settings_.forgetAfterMs) {
        table.erase(found);
        found = table.end();
    }
    if (found == table.end()) {
        if (table.size() >= settings_.maxTrackedKeys) {
            std::erase_if(table, [&](const auto& item) {
                return nowMs - item.second.lastSeenMs >= settings_.forgetAfterMs;
            });
            if (table.size() >= settings_.maxTrackedKeys)
                table.erase(table.begin());
        }
        found = table.emplace(key, Entry{}).first;
    }
    found->second.lastSeenMs = nowMs;
    return found->second;
}

ThrottleDecision LoginThrottle::blocked(const Table& table, const std::string& key, ThrottleReason reason,
                                        std::int64_t nowMs) const
{
    const auto found = table.find(key);
    if (found == table.end() || found->second.blockedUntilMs <= nowMs)
        return {};
    return {reason, found->second.blockedUntilMs - nowMs};
}

ThrottleDecision LoginThrottle::admit(const std::string& address, const std::string& account, std::int64_t nowMs)
{
    const std::lock_guard lock(mutex_);
    const ThrottleDecision byAddress = blocked(addresses_, address, ThrottleReason::kAddress, nowMs);
    if (!byAddress.allowed())
        return byAddress;
    return blocked(accounts_, account, ThrottleReason::kAccount, nowMs);
}

void LoginThrottle::fail(Entry& entry, std::int64_t nowMs) const
{
    ++entry.failures;
    const int over = entry.failures - settings_.freeFailures;
    if (over <= 0)
        return;
    // 2^(over-1) steps of the base, capped before it can overflow.
    std::int64_t wait = settings_.backoffBaseMs;
    for (int i = 1; i < over && wait < settings_.backoffMaxMs; ++i)
        wait *= 2;
    entry.blockedUntilMs = nowMs + std::min(wait, settings_.backoffMaxMs);
}

void LoginThrottle::recordFailure(const std::string& address, const std::string& account, std::int64_t nowMs)
{
    const std::lock_guard lock(mutex_);
    fail(touch(addresses_, address, nowMs), nowMs);
    fail(touch(accounts_, account, nowMs), nowMs);
}

void LoginThrottle::recordSuccess(const std::string& address, const std::string& account)
{
    const std::lock_guard lock(mutex_);
    if (const auto found = addresses_.find(address); found != addresses_.end()) {
        found->second.failures = 0;
        found->second.blockedUntilMs = 0;
    }
    accounts_.erase(account);
}

std::size_t LoginThrottle::trackedKeys() const
{
    const std::lock_guard lock(mutex_);
    return addresses_.size() + accounts_.size();
}

} // namespace ringdesk::admission
