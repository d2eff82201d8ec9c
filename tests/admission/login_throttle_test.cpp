// admission::LoginThrottle: free failures, the doubling back-off and its cap, per address and
// per account, success clearing failures, forgetting, and the bound on remembered keys.

#include "server/admission/login_throttle.h"

#include <cppunit/extensions/HelperMacros.h>

namespace ringdesk::admission {

class LoginThrottleTest : public CppUnit::TestFixture
{
    CPPUNIT_TEST_SUITE(LoginThrottleTest);
    CPPUNIT_TEST(testFreeFailuresThenDoublingBackoff);
    CPPUNIT_TEST(testBackoffIsCapped);
    CPPUNIT_TEST(testAccountIsThrottledFromEveryAddress);
    CPPUNIT_TEST(testSuccessClearsFailures);
    CPPUNIT_TEST(testQuietKeysAreForgotten);
    CPPUNIT_TEST(testTablesStayWithinTheirBound);
    CPPUNIT_TEST_SUITE_END();

public:
    void testFreeFailuresThenDoublingBackoff()
    {
        LoginThrottle throttle(settings());
        std::int64_t now = 1000;
        for (int i = 0; i < 3; ++i) {
            CPPUNIT_ASSERT(throttle.admit("192.0.2.1", "ann", now).allowed());
            throttle.recordFailure("192.0.2.1", "ann", now);
        }
        // Three free failures: the fourth attempt is still checked, and its failure starts the wait.
        CPPUNIT_ASSERT(throttle.admit("192.0.2.1", "ann", now).allowed());
        throttle.recordFailure("192.0.2.1", "ann", now);
        ThrottleDecision refused = throttle.admit("192.0.2.1", "ann", now);
        CPPUNIT_ASSERT(refused.reason == ThrottleReason::kAddress);
        CPPUNIT_ASSERT_EQUAL(std::int64_t(100), refused.retryAfterMs);
        CPPUNIT_ASSERT(!throttle.admit("192.0.2.1", "ann", now + 99).allowed());

        now += 100;
        CPPUNIT_ASSERT(throttle.admit("192.0.2.1", "ann", now).allowed());
        throttle.recordFailure("192.0.2.1", "ann", now);
        CPPUNIT_ASSERT_EQUAL(std::int64_t(200), throttle.admit("192.0.2.1", "ann", now).retryAfterMs);
        now += 200;
        throttle.recordFailure("192.0.2.1", "ann", now);
        CPPUNIT_ASSERT_EQUAL(std::int64_t(400), throttle.admit("192.0.2.1", "ann", now).retryAfterMs);
    }

    void testBackoffIsCapped()
    {
        LoginThrottle throttle(settings());
        for (int i = 0; i < 80; ++i)
            throttle.recordFailure("192.0.2.1", "ann", 0);
        CPPUNIT_ASSERT_EQUAL(std::int64_t(5000), throttle.admit("192.0.2.1", "ann", 0).retryAfterMs);
    }

    void testAccountIsThrottledFromEveryAddress()
    {
        LoginThrottle throttle(settings());
        for (int i = 0; i < 4; ++i)
            throttle.recordFailure("192.0.2." + std::to_string(i), "ann", 0);
        const ThrottleDecision elsewhere = throttle.admit("198.51.100.7", "ann", 0);
        CPPUNIT_ASSERT(elsewhere.reason == ThrottleReason::kAccount);
        // Another account from a fresh address is not affected.
        CPPUNIT_ASSERT(throttle.admit("198.51.100.7", "bob", 0).allowed());
    }

    void testSuccessClearsFailures()
    {
        LoginThrottle throttle(settings());
        for (int i = 0; i < 3; ++i)
            throttle.recordFailure("192.0.2.1", "ann", 0);
        throttle.recordSuccess("192.0.2.1", "ann");
        throttle.recordFailure("192.0.2.1", "ann", 0);
        CPPUNIT_ASSERT(throttle.admit("192.0.2.1", "ann", 0).allowed());
    }

    void testQuietKeysAreForgotten()
    {
        LoginThrottle throttle(settings());
        for (int i = 0; i < 3; ++i)
            throttle.recordFailure("192.0.2.1", "ann", 0);
        // Quiet for forgetAfterMs: the next failure is the first again, so it is free.
        throttle.recordFailure("192.0.2.1", "ann", 60000);
        CPPUNIT_ASSERT(throttle.admit("192.0.2.1", "ann", 60000).allowed());
    }

    void testTablesStayWithinTheirBound()
    {
        LoginThrottleSettings small = settings();
        small.maxTrackedKeys = 4;
        small.freeFailures = 0;
        LoginThrottle throttle(small);
        throttle.recordFailure("192.0.2.1", "ann", 0);
        CPPUNIT_ASSERT(!throttle.admit("192.0.2.1", "zed", 0).allowed());
        // Many more addresses than the table holds: some are forgotten, nothing grows without bound,
        // and every one of them is still refused while it is remembered.
        for (int i = 2; i < 100; ++i) {
            const std::string address = "192.0.2." + std::to_string(i);
            throttle.recordFailure(address, "acct" + std::to_string(i), 0);
            CPPUNIT_ASSERT(!throttle.admit(address, "other", 0).allowed());
            CPPUNIT_ASSERT(throttle.trackedKeys() <= 2 * small.maxTrackedKeys);
        }
    }

private:
    static LoginThrottleSettings settings()
    {
        LoginThrottleSettings s;
        s.freeFailures = 3;
        s.backoffBaseMs = 100;
        s.backoffMaxMs = 5000;
        s.forgetAfterMs = 60000;
        return s;
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(LoginThrottleTest);

} // namespace ringdesk::admission
