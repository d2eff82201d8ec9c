#include "operator-client/app/typing_debouncer.h"

#include <cppunit/extensions/HelperMacros.h>

namespace ringdesk::operator_app {
namespace {

using namespace std::chrono_literals;
using Clock = TypingDebouncer::Clock;

class TypingDebouncerTest : public CppUnit::TestFixture
{
    CPPUNIT_TEST_SUITE(TypingDebouncerTest);
    CPPUNIT_TEST(testOneComposingForManyKeys);
    CPPUNIT_TEST(testPausedAfterIdle);
    CPPUNIT_TEST(testSendEndsComposing);
    CPPUNIT_TEST(testClearingInputPauses);
    CPPUNIT_TEST_SUITE_END();

public:
    void testOneComposingForManyKeys()
    {
        TypingDebouncer typing;
        const Clock::time_point t0{};
        CPPUNIT_ASSERT_EQUAL(std::string("composing"), typing.edited(t0, false).value_or(""));
        CPPUNIT_ASSERT(!typing.edited(t0 + 100ms, false));
        CPPUNIT_ASSERT(!typing.edited(t0 + 2s, false));
    }

    void testPausedAfterIdle()
    {
        TypingDebouncer typing;
        const Clock::time_point t0{};
        typing.edited(t0, false);
        typing.edited(t0 + 2s, false);
        CPPUNIT_ASSERT(!typing.tick(t0 + 4s)); // 2 s since the last key
        CPPUNIT_ASSERT_EQUAL(std::string("paused"), typing.tick(t0 + 5s).value_or(""));
        CPPUNIT_ASSERT(!typing.tick(t0 + 9s));
        CPPUNIT_ASSERT_EQUAL(std::string("composing"), typing.edited(t0 + 10s, false).value_or(""));
    }

    void testSendEndsComposing()
    {
        TypingDebouncer typing;
        typing.edited(Clock::time_point{}, false);
        CPPUNIT_ASSERT_EQUAL(std::string("paused"), typing.sent().value_or(""));
        CPPUNIT_ASSERT(!typing.sent());
    }

    void testClearingInputPauses()
    {
        TypingDebouncer typing;
        const Clock::time_point t0{};
        typing.edited(t0, false);
        CPPUNIT_ASSERT_EQUAL(std::string("paused"), typing.edited(t0 + 1s, true).value_or(""));
        CPPUNIT_ASSERT(!typing.composing());
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(TypingDebouncerTest);

} // namespace
} // namespace ringdesk::operator_app
