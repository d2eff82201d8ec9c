#pragma once
// Login throttling (docs/configuration.md, "Login throttling"): failed logins slow down the
// source address and the account they name with an exponential back-off. Successful logins
// are not limited here (a desk's operators often share one office address); what they cost
// is bounded by LoginGuard's hashing slots. The policy of OWASP's authentication guidance and
// of Prosody's mod_limit_auth, shared by the operator and IMS ports so a flood on one cannot
// be retried on the other.
//
// Thread-safe: the front-ends call it from their worker and connection threads. Memory is
// bounded: at most `maxTrackedKeys` addresses and as many accounts; an entry is forgotten once
// it has been quiet for `forgetAfterMs`; when a table is full the quiet ones are swept, and if
// none is quiet an arbitrary entry makes room (an attacker with many addresses can only make
// the throttle forget, never grow).

#include <cstdint>
#include <mutex>
#include <string>
#include <unordered_map>

namespace ringdesk::admission {

struct LoginThrottleSettings
{
    int freeFailures = 5;                 // failures before the back-off starts (per address, per account)
    std::int64_t backoffBaseMs = 1000;    // wait after the first failure past the free ones; doubles after each
    std::int64_t backoffMaxMs = 300000;   // longest wait, ms
    std::int64_t forgetAfterMs = 3600000; // an address or account quiet this long starts afresh
    std::size_t maxTrackedKeys = 100000;  // addresses (and, separately, accounts) remembered
};

/// Why an attempt was refused before its password was checked.
enum class ThrottleReason
{
    kNone,
    kAddress, // the source address's back-off (failures for any account)
    kAccount, // the account's back-off (failures from any address)
    kBusy,    // every password hashing slot was taken (LoginGuard)
};

struct ThrottleDecision
{
    ThrottleReason reason = ThrottleReason::kNone;
    std::int64_t retryAfterMs = 0; // > 0 when refused: the earliest an attempt can succeed

    bool allowed() const { return reason == ThrottleReason::kNone; }
};

class LoginThrottle
{
public:
    explicit LoginThrottle(LoginThrottleSettings settings);

    /// May a login for `account` from `address` (an IP address without the port) be checked at
    /// `nowMs` (ms, any monotonic or epoch base, the same for every call)? Refused while the
    /// address or the account is in its back-off; the decision says for how long.
    ThrottleDecision admit(const std::string& address, const std::string& account, std::int64_t nowMs);

    /// The checked attempt failed (wrong credentials): both keys' back-off grows.
    void recordFailure(const std::string& address, const std::string& account, std::int64_t nowMs);
    /// The checked attempt succeeded: the account's and the address's failures are forgotten.
    void recordSuccess(const std::string& address, const std::string& account);

    /// Addresses plus accounts remembered now (each table at most maxTrackedKeys).
    std::size_t trackedKeys() const;

private:
    struct Entry
    {
        int failures = 0;
        std::int64_t blockedUntilMs = 0; // back-off end, ms
        std::int64_t lastSeenMs = 0;
    };
    using Table = std::unordered_map<std::string, Entry>;

    Entry& touch(Table& table, const std::string& key, std::int64_t nowMs);
    void fail(Entry& entry, std::int64_t nowMs) const;
    ThrottleDecision blocked(const Table& table, const std::string& key, ThrottleReason reason,
                             std::int64_t nowMs) const;

    const LoginThrottleSettings settings_;
    mutable std::mutex mutex_;
    Table addresses_;
    Table accounts_;
};

} // namespace ringdesk::admission
