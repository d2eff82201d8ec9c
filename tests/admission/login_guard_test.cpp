// admission::LoginGuard: a throttled attempt never reaches the credential check, failures and
// successes feed the throttle, and no more password checks run at once than it has slots.

#include "server/admission/login_guard.h"

#include <cppunit/extensions/HelperMacros.h>

#include <condition_variable>
#include <future>
#include <mutex>

namespace ringdesk::admission {
namespace {

/// Accepts "right" as the password; can hold every check until released.
class GatedCredentialCheck final : public core::CredentialCheck
{
public:
    core::LoginCheck checkLogin(const std::string& username, const std::string& password, std::int64_t) override
    {
        std::unique_lock lock(mutex_);
        ++entered_;
        changed_.notify_all();
        changed_.wait(lock, [&] { return open_; });
        ++checks_;
        core::LoginCheck check;
        if (password == "right")
            check = {protocol::LoginResult::kOk, username, username};
        return check;
    }
    core::LoginCheck checkLoginMd5(const std::string& username, const std::string& md5,
                                   std::int64_t nowMs) override
    {
        return checkLogin(username, md5, nowMs);
    }

    void hold()
    {
        std::lock_guard lock(mutex_);
        open_ = false;
    }
    void release()
    {
        std::lock_guard lock(mutex_);
        open_ = true;
        changed_.notify_all();
    }
    void awaitEntered(int count)
    {
        std::unique_lock lock(mutex_);
        changed_.wait(lock, [&] { return entered_ >= count; });
    }
    int checks()
    {
        std::lock_guard lock(mutex_);
        return checks_;
    }

private:
    std::mutex mutex_;
    std::condition_variable changed_;
    bool open_ = true;
    int entered_ = 0;
    int checks_ = 0;
};

LoginAttempt attempt(const std::string& password) { return {"192.0.2.1", "ann", password, false, 0}; }

} // namespace

class LoginGuardTest : public CppUnit::TestFixture
{
    CPPUNIT_TEST_SUITE(LoginGuardTest);
    CPPUNIT_TEST(testThrottledAttemptIsNotChecked);
    CPPUNIT_TEST(testBusySlotsRefuseInsteadOfQueueingForever);
    CPPUNIT_TEST(testNoSlotsIsAConfigurationError);
    CPPUNIT_TEST_SUITE_END();

public:
    void testThrottledAttemptIsNotChecked()
    {
        GatedCredentialCheck credentials;
        LoginGuardSettings settings;
        settings.throttle.freeFailures = 1;
        LoginGuard guard(credentials, settings);
        CPPUNIT_ASSERT(guard.check(attempt("wrong")).check.result == protocol::LoginResult::kWrongCredentials);
        CPPUNIT_ASSERT(guard.check(attempt("wrong")).throttle.allowed());
        const GuardedLogin refused = guard.check(attempt("right"));
        CPPUNIT_ASSERT(refused.throttle.reason == ThrottleReason::kAddress);
        CPPUNIT_ASSERT_EQUAL(settings.throttle.backoffBaseMs, refused.throttle.retryAfterMs);
        CPPUNIT_ASSERT_EQUAL(2, credentials.checks());

        const LoginCounters counters = guard.counters();
        CPPUNIT_ASSERT_EQUAL(std::uint64_t(2), counters.failed);
        CPPUNIT_ASSERT_EQUAL(std::uint64_t(1), counters.throttledAddress);
        CPPUNIT_ASSERT_EQUAL(std::uint64_t(0), counters.succeeded);
    }

    void testBusySlotsRefuseInsteadOfQueueingForever()
    {
        GatedCredentialCheck credentials;
        LoginGuardSettings settings;
        settings.maxConcurrentHashes = 1;
        settings.hashWait = std::chrono::milliseconds(20);
        LoginGuard guard(credentials, settings);
        credentials.hold();
        auto first = std::async(std::launch::async, [&] { return guard.check(attempt("right")); });
        credentials.awaitEntered(1);

        const GuardedLogin second = guard.check({"198.51.100.2", "bob", "right", false, 0});
        CPPUNIT_ASSERT(second.throttle.reason == ThrottleReason::kBusy);
        credentials.release();
        CPPUNIT_ASSERT(first.get().check.result == protocol::LoginResult::kOk);
        CPPUNIT_ASSERT_EQUAL(1, credentials.checks());
        CPPUNIT_ASSERT_EQUAL(std::uint64_t(1), guard.counters().throttledBusy);
        // The slot came back.
        CPPUNIT_ASSERT(guard.check({"198.51.100.2", "bob", "right", false, 0}).check.result ==
                       protocol::LoginResult::kOk);
    }

    void testNoSlotsIsAConfigurationError()
    {
        GatedCredentialCheck credentials;
        LoginGuardSettings settings;
        settings.maxConcurrentHashes = 0;
        CPPUNIT_ASSERT_THROW(LoginGuard(credentials, settings), std::invalid_argument);
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(LoginGuardTest);

} // namespace ringdesk::admission
