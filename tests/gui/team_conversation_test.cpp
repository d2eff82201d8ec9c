// A team tab's logic (operator-client/app/team_conversation.h): title with the unread marker,
// transcript lines with the offline mark and the date of older messages, delivery notes.
#include "operator-client/app/team_conversation.h"
#include "operator-client/app/transcript.h"

#include <cppunit/extensions/HelperMacros.h>

namespace ringdesk::operator_app {
namespace {

using operator_client::TeamDelivery;
using operator_client::TeamMessageReceived;

constexpr std::int64_t kDayMs = 24LL * 3600 * 1000;
// Noon UTC: the same local day whatever the machine's time zone, within +/- 11 h.
constexpr std::int64_t kNoon = 1'764'000'000'000LL - 1'764'000'000'000LL % kDayMs + kDayMs / 2;

class TeamConversationTest : public CppUnit::TestFixture
{
    CPPUNIT_TEST_SUITE(TeamConversationTest);
    CPPUNIT_TEST(testTitleAndUnread);
    CPPUNIT_TEST(testLinesMarkOfflineAndOlderDays);
    CPPUNIT_TEST(testNotes);
    CPPUNIT_TEST_SUITE_END();

public:
    void testTitleAndUnread()
    {
        TeamConversation team("bob");
        CPPUNIT_ASSERT_EQUAL(std::string("Team \u00b7 bob"), team.tabTitle());
        team.messageArrived(false);
        team.messageArrived(true);
        team.messageArrived(false);
        CPPUNIT_ASSERT_EQUAL(std::string("\u2022 Team \u00b7 bob (2)"), team.tabTitle());
        team.viewed();
        CPPUNIT_ASSERT_EQUAL(0, team.unread());
    }

    void testLinesMarkOfflineAndOlderDays()
    {
        const std::string clock = formatClock(kNoon);
        CPPUNIT_ASSERT_EQUAL("[" + clock + "] bob: hi",
                             TeamConversation::lineFor(TeamMessageReceived{"bob", "hi", kNoon, false}, kNoon + 60'000));
        // Continuation lines are indented under the first.
        const std::string prefix = "[" + clock + "] bob (while you were offline): ";
        CPPUNIT_ASSERT_EQUAL(prefix + "rota\n" + std::string(prefix.size(), ' ') + "two",
                             TeamConversation::lineFor(TeamMessageReceived{"bob", "rota\ntwo", kNoon, true}, kNoon));
        // Sent two days ago: the line carries the date.
        const std::string older = TeamConversation::lineFor(TeamMessageReceived{"bob", "x", kNoon - 2 * kDayMs, true}, kNoon);
        CPPUNIT_ASSERT_EQUAL("[" + formatStamp(kNoon - 2 * kDayMs, kNoon) + "] bob (while you were offline): x", older);
        CPPUNIT_ASSERT(formatStamp(kNoon - 2 * kDayMs, kNoon).size() > clock.size());
        CPPUNIT_ASSERT_EQUAL(clock, formatStamp(kNoon, kNoon + 1000));
    }

    void testNotes()
    {
        TeamConversation team("bob");
        CPPUNIT_ASSERT_EQUAL(std::string(), team.deliveryNote(TeamDelivery::Delivered));
        CPPUNIT_ASSERT_EQUAL(std::string("bob is offline: the message is delivered at their next login"),
                             team.deliveryNote(TeamDelivery::Stored));
        CPPUNIT_ASSERT_EQUAL(std::string("not delivered: there is no user bob"),
                             team.deliveryNote(TeamDelivery::NoSuchUser));
        CPPUNIT_ASSERT_EQUAL(std::string(), team.availabilityNotice(1));
        CPPUNIT_ASSERT_EQUAL(std::string(), team.availabilityNotice(-1));
        CPPUNIT_ASSERT_EQUAL(std::string("bob is offline \u2014 messages wait for their next login."),
                             team.availabilityNotice(3));
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(TeamConversationTest);

} // namespace
} // namespace ringdesk::operator_app
