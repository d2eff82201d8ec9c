#include "operator-client/app/ring_list.h"

#include <cppunit/extensions/HelperMacros.h>

namespace ringdesk::operator_app {
namespace {

nlchat::Ring ringWith(std::int64_t id, std::int64_t until)
{
    nlchat::Ring ring;
    ring.id = id;
    ring.time = until;
    ring.name = "Bob";
    return ring;
}

class RingListTest : public CppUnit::TestFixture
{
    CPPUNIT_TEST_SUITE(RingListTest);
    CPPUNIT_TEST(testAcceptOnlyOnce);
    CPPUNIT_TEST(testOutcomes);
    CPPUNIT_TEST(testCloseAfterWinKeepsWin);
    CPPUNIT_TEST(testPruneKeepsResolvedForAWhile);
    CPPUNIT_TEST(testCountdown);
    CPPUNIT_TEST_SUITE_END();

public:
    void testAcceptOnlyOnce()
    {
        RingList rings;
        rings.offered(ringWith(7, 100));
        CPPUNIT_ASSERT(rings.accepting(7));
        CPPUNIT_ASSERT(!rings.accepting(7)); // a double click sends one ringACK
        CPPUNIT_ASSERT(!rings.accepting(8));
        CPPUNIT_ASSERT(rings.anyOpen());
    }

    void testOutcomes()
    {
        RingList rings;
        rings.offered(ringWith(1, 100));
        rings.offered(ringWith(2, 100));
        rings.won(1, 50);
        rings.taken(2, "Carol", 50);
        CPPUNIT_ASSERT_EQUAL(std::string("you have it"), describeRingPhase(*rings.find(1)));
        CPPUNIT_ASSERT_EQUAL(std::string("taken by Carol"), describeRingPhase(*rings.find(2)));
        CPPUNIT_ASSERT(!rings.anyOpen());
    }

    void testCloseAfterWinKeepsWin()
    {
        RingList rings;
        rings.offered(ringWith(1, 100));
        rings.won(1, 50);
        rings.closed(1, 51);
        CPPUNIT_ASSERT(rings.find(1)->phase == RingPhase::Won);
    }

    void testPruneKeepsResolvedForAWhile()
    {
        RingList rings;
        rings.offered(ringWith(1, 100));
        rings.offered(ringWith(2, 100));
        rings.closed(1, 50);
        CPPUNIT_ASSERT(!rings.prune(50 + RingList::kKeepResolvedSeconds));
        CPPUNIT_ASSERT(rings.prune(51 + RingList::kKeepResolvedSeconds));
        CPPUNIT_ASSERT(rings.find(1) == nullptr);
        CPPUNIT_ASSERT(rings.find(2) != nullptr); // still waiting: never pruned
    }

    void testCountdown()
    {
        CPPUNIT_ASSERT_EQUAL(std::string("1:05"), formatCountdown(165, 100));
        CPPUNIT_ASSERT_EQUAL(std::string("0:09"), formatCountdown(109, 100));
        CPPUNIT_ASSERT_EQUAL(std::string("0:00"), formatCountdown(90, 100));
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(RingListTest);

} // namespace
} // namespace ringdesk::operator_app
