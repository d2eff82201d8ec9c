#pragma once
// The front-ends' one way to check a login: the throttle first (login_throttle.h), then the
// password check with at most `maxConcurrentHashes` password hashings running at once, so a
// flood of logins cannot take the cores from relaying. Operator `login` and IMS LOGIN both
// come here (docs/configuration.md, "Login throttling").

#include "server/admission/login_throttle.h"
#include "server/core/credential_check.h"

#include <atomic>
#include <chrono>
#include <cstdint>
#include <semaphore>
#include <string>

namespace ringdesk::admission {

struct LoginGuardSettings
{
    LoginThrottleSettings throttle;
    int maxConcurrentHashes = 2;              // password checks running at once (≥ 1)
    std::chrono::milliseconds hashWait{1000}; // how long an attempt waits for a free slot
};

/// A login request as the front-ends read it. `secret` is the password (operator protocol) or
/// its MD5 as lowercase hex (IMS LOGIN `pass`), as `isMd5` says.
struct LoginAttempt
{
    std::string address; // the peer's IP address without the port (Poco SocketAddress::host())
    std::string username;
    std::string secret;
    bool isMd5 = false;
    std::int64_t nowMs = 0; // ms since the epoch (the server's clock)
};

/// The outcome: either throttled (the password was not checked) or the check's result.
struct GuardedLogin
{
    ThrottleDecision throttle; // allowed() unless refused before the check
    core::LoginCheck check;    // meaningful when throttle.allowed()
};

/// Counters for /metrics, totals since start.
struct LoginCounters
{
    std::uint64_t succeeded = 0;
    std::uint64_t failed = 0; // wrong credentials or banned
    std::uint64_t throttledAddress = 0;
    std::uint64_t throttledAccount = 0;
    std::uint64_t throttledBusy = 0;
};

class LoginGuard
{
public:
    /// `credentials` outlives the guard. Throws std::invalid_argument if maxConcurrentHashes < 1.
    LoginGuard(core::CredentialCheck& credentials, const LoginGuardSettings& settings);

    /// Thread-safe and slow (the password KDF): call it off the dispatcher. Throws what the
    /// credential check throws (a database error); the throttle then counts nothing.
    GuardedLogin check(const LoginAttempt& attempt);

    LoginCounters counters() const;

private:
    core::CredentialCheck& credentials_;
    LoginThrottle throttle_;
    std::counting_semaphore<> hashSlots_;
    const std::chrono::milliseconds hashWait_;
    std::atomic<std::uint64_t> succeeded_{0};
    std::atomic<std::uint64_t> failed_{0};
    std::atomic<std::uint64_t> throttledAddress_{0};
    std::atomic<std::uint64_t> throttledAccount_{0};
    std::atomic<std::uint64_t> throttledBusy_{0};
};

} // namespace ringdesk::admission
