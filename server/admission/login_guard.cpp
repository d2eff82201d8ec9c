#include "server/admission/login_guard.h"

#include <stdexcept>

namespace ringdesk::admission {
namespace {

int checkedSlots(int slots)
{
    if (slots < 1)
        throw std::invalid_argument("LoginGuard: maxConcurrentHashes must be at least 1");
    return slots;
}

/// Releases a hashing slot however the check ends.
class SlotRelease
{
public:
    explicit SlotRelease(std::counting_semaphore<>& slots) : slots_(slots) {}
    ~SlotRelease() { slots_.release(); }
    SlotRelease(const SlotRelease&) = delete;
    SlotRelease& operator=(const SlotRelease&) = delete;

private:
    std::counting_semaphore<>& slots_;
};

} // namespace

LoginGuard::LoginGuard(core::CredentialCheck& credentials, const LoginGuardSettings& settings)
    : credentials_(credentials), throttle_(settings.throttle),
      hashSlots_(checkedSlots(settings.maxConcurrentHashes)), hashWait_(settings.hashWait)
{
}

GuardedLogin LoginGuard::check(const LoginAttempt& attempt)
{
    GuardedLogin outcome;
    outcome.throttle = throttle_.admit(attempt.address, attempt.username, attempt.nowMs);
    if (!outcome.throttle.allowed()) {
        auto& counter =
            outcome.throttle.reason == ThrottleReason::kAccount ? throttledAccount_ : throttledAddress_;
        ++counter;
        return outcome;
    }
    if (!hashSlots_.try_acquire_for(hashWait_)) {
        ++throttledBusy_;
        outcome.throttle = {ThrottleReason::kBusy, hashWait_.count()};
        return outcome;
    }
    {
        const SlotRelease release(hashSlots_);
        outcome.check = attempt.isMd5 ? credentials_.checkLoginMd5(attempt.username, attempt.secret, attempt.nowMs)
                                      : credentials_.checkLogin(attempt.username, attempt.secret, attempt.nowMs);
    }
    // A ban is reported only to who knew the password, so it clears the failures like a success.
    if (outcome.check.result == protocol::LoginResult::kWrongCredentials) {
        ++failed_;
        throttle_.recordFailure(attempt.address, attempt.username, attempt.nowMs);
    } else {
        (outcome.check.result == protocol::LoginResult::kOk ? succeeded_ : failed_)++;
        throttle_.recordSuccess(attempt.address, attempt.username);
    }
    return outcome;
}

LoginCounters LoginGuard::counters() const
{
    return {succeeded_.load(), failed_.load(), throttledAddress_.load(), throttledAccount_.load(),
            throttledBusy_.load()};
}

} // namespace ringdesk::admission
