// The token buckets behind the visitor limits (server/core/token_bucket.h): bursts, refill,
// the wait reported, and the bounded table of addresses.
#include "server/core/token_bucket.h"

#include <cppunit/extensions/HelperMacros.h>

using namespace ringdesk::core;

class TokenBucketTest : public CppUnit::TestFixture
{
    CPPUNIT_TEST_SUITE(TokenBucketTest);
    CPPUNIT_TEST(testBurstThenRefusedUntilRefilled);
    CPPUNIT_TEST(testPerWindowSpreadsTheCountOverTheWindow);
    CPPUNIT_TEST(testRetryAfterIsTheWaitForOneToken);
    CPPUNIT_TEST(testKeysAreIndependent);
    CPPUNIT_TEST(testTableForgetsFullBucketsFirstAndNeverGrows);
    CPPUNIT_TEST(testNewLimitKeepsTokensUpToTheNewBurst);
    CPPUNIT_TEST(testRetryInTextRoundsUp);
    CPPUNIT_TEST_SUITE_END();

public:
    void testBurstThenRefusedUntilRefilled()
    {
        TokenBucket bucket({2, 3}, 1000); // 2 a second, 3 at once
        for (int i = 0; i < 3; ++i)
            CPPUNIT_ASSERT(bucket.take(1000));
        CPPUNIT_ASSERT(!bucket.take(1000));
        CPPUNIT_ASSERT(!bucket.take(1499)); // 0.998 of a token
        CPPUNIT_ASSERT(bucket.take(1500));
        CPPUNIT_ASSERT(!bucket.take(1500));
        // A long quiet spell refills to the burst, not beyond.
        for (int i = 0; i < 3; ++i)
            CPPUNIT_ASSERT(bucket.take(60000));
        CPPUNIT_ASSERT(!bucket.take(60000));
    }

    void testPerWindowSpreadsTheCountOverTheWindow()
    {
        const RateLimit limit = RateLimit::perWindow(60, 3600000); // 60 an hour
        CPPUNIT_ASSERT_DOUBLES_EQUAL(60.0, limit.burst, 1e-9);
        CPPUNIT_ASSERT_DOUBLES_EQUAL(1.0 / 60.0, limit.perSecond, 1e-12);
        TokenBucket bucket(limit, 0);
        for (int i = 0; i < 60; ++i)
            CPPUNIT_ASSERT(bucket.take(0));
        CPPUNIT_ASSERT(!bucket.take(59999));
        CPPUNIT_ASSERT(bucket.take(60000)); // one a minute after the burst
    }

    void testRetryAfterIsTheWaitForOneToken()
    {
        TokenBucket bucket({4, 1}, 0);
        CPPUNIT_ASSERT_EQUAL(std::int64_t{0}, bucket.retryAfterMs(0));
        CPPUNIT_ASSERT(bucket.take(0));
        CPPUNIT_ASSERT_EQUAL(std::int64_t{250}, bucket.retryAfterMs(0));
        CPPUNIT_ASSERT_EQUAL(std::int64_t{150}, bucket.retryAfterMs(100));
        CPPUNIT_ASSERT(!bucket.take(249));
        CPPUNIT_ASSERT(bucket.take(250));
    }

    void testKeysAreIndependent()
    {
        KeyedRateLimit limit({1, 2}, 100);
        CPPUNIT_ASSERT_EQUAL(std::int64_t{0}, limit.take("192.0.2.1", 0));
        CPPUNIT_ASSERT_EQUAL(std::int64_t{0}, limit.take("192.0.2.1", 0));
        CPPUNIT_ASSERT_EQUAL(std::int64_t{1000}, limit.take("192.0.2.1", 0));
        CPPUNIT_ASSERT_EQUAL(std::int64_t{0}, limit.take("192.0.2.2", 0));
        CPPUNIT_ASSERT_EQUAL(std::int64_t{500}, limit.take("192.0.2.1", 500));
    }

    void testTableForgetsFullBucketsFirstAndNeverGrows()
    {
        KeyedRateLimit limit({1, 1}, 3);
        CPPUNIT_ASSERT_EQUAL(std::int64_t{0}, limit.take("a", 0));
        CPPUNIT_ASSERT_EQUAL(std::int64_t{0}, limit.take("b", 0));
        CPPUNIT_ASSERT_EQUAL(std::int64_t{0}, limit.take("c", 5000)); // a and b are full again by now
        CPPUNIT_ASSERT_EQUAL(std::int64_t{0}, limit.take("d", 5000)); // sweeps a and b
        CPPUNIT_ASSERT_EQUAL(std::size_t{2}, limit.trackedKeys());
        CPPUNIT_ASSERT(limit.take("c", 5000) > 0); // c and d are remembered: still empty
        CPPUNIT_ASSERT(limit.take("d", 5000) > 0);
        // Many new keys at once, none quiet: the table stays at its bound.
        for (int i = 0; i < 50; ++i)
            limit.take("flood-" + std::to_string(i), 5000);
        CPPUNIT_ASSERT(limit.trackedKeys() <= 3);
    }

    void testNewLimitKeepsTokensUpToTheNewBurst()
    {
        KeyedRateLimit limit({1, 10}, 10);
        CPPUNIT_ASSERT_EQUAL(std::int64_t{0}, limit.take("a", 0)); // 9 left
        limit.setLimit({1, 2}, 0);                                 // at most 2 now
        CPPUNIT_ASSERT_EQUAL(std::int64_t{0}, limit.take("a", 0));
        CPPUNIT_ASSERT_EQUAL(std::int64_t{0}, limit.take("a", 0));
        CPPUNIT_ASSERT(limit.take("a", 0) > 0);
        CPPUNIT_ASSERT_EQUAL(std::int64_t{0}, limit.take("new", 0));
        CPPUNIT_ASSERT_EQUAL(std::int64_t{0}, limit.take("new", 0));
        CPPUNIT_ASSERT(limit.take("new", 0) > 0); // new keys start with the new burst
    }

    void testRetryInTextRoundsUp()
    {
        CPPUNIT_ASSERT_EQUAL(std::string("retry in 1 s"), retryInText(1));
        CPPUNIT_ASSERT_EQUAL(std::string("retry in 1 s"), retryInText(1000));
        CPPUNIT_ASSERT_EQUAL(std::string("retry in 2 s"), retryInText(1001));
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(TokenBucketTest);
