// The Colleagues panel's content (operator-client/app/colleague_list.h) fed with session events.
#include "operator-client/app/colleague_list.h"

#include <cppunit/extensions/HelperMacros.h>

namespace ringdesk::operator_app {
namespace {

using namespace operator_client;

/// "kind:name:detail" per row, for compact assertions.
std::vector<std::string> shown(const ColleagueList& list)
{
    std::vector<std::string> rows;
    for (const ColleagueRow& row : list.rows()) {
        const char* kind = row.kind == ColleagueRowKind::InvitationToMe ? "in"
                           : row.kind == ColleagueRowKind::Colleague    ? "co"
                                                                        : "out";
        rows.push_back(std::string(kind) + ":" + row.username + ":" + row.detail);
    }
    return rows;
}

using Rows = std::vector<std::string>;

class ColleagueListTest : public CppUnit::TestFixture
{
    CPPUNIT_TEST_SUITE(ColleagueListTest);
    CPPUNIT_TEST(testRosterSortsInvitationsColleaguesByStatusThenName);
    CPPUNIT_TEST(testLiveStatusAndNewColleague);
    CPPUNIT_TEST(testInvitationLifecycle);
    CPPUNIT_TEST(testConnectionLostMakesStatusesUnknown);
    CPPUNIT_TEST(testTexts);
    CPPUNIT_TEST_SUITE_END();

public:
    void testRosterSortsInvitationsColleaguesByStatusThenName()
    {
        ColleagueList list;
        CPPUNIT_ASSERT(list.apply(RosterReceived{
            {{"zoe", 0}, {"Bob", 3}, {"amy", 2}, {"carl", 0}, {"dan", 1}}, {"yves", "ann"}, {"xena", "pia"}}));
        CPPUNIT_ASSERT(shown(list) == (Rows{"in:yves:invites you", "in:ann:invites you", "co:carl:Online",
                                            "co:zoe:Online", "co:dan:Away", "co:amy:Busy", "co:Bob:Offline",
                                            "out:pia:invited \u2014 no answer yet",
                                            "out:xena:invited \u2014 no answer yet"}));
        CPPUNIT_ASSERT_EQUAL(2, list.statusOf("amy").value_or(-9));
        CPPUNIT_ASSERT(!list.statusOf("yves").has_value());
        // A new roster replaces everything.
        CPPUNIT_ASSERT(list.apply(RosterReceived{{{"amy", 0}}, {}, {}}));
        CPPUNIT_ASSERT(shown(list) == (Rows{"co:amy:Online"}));
    }

    void testLiveStatusAndNewColleague()
    {
        ColleagueList list;
        list.apply(RosterReceived{{{"amy", 0}, {"bob", 0}}, {}, {}});
        CPPUNIT_ASSERT(list.apply(ColleagueStatusChanged{"amy", 1}));
        CPPUNIT_ASSERT(!list.apply(ColleagueStatusChanged{"amy", 1})); // no change
        CPPUNIT_ASSERT(shown(list) == (Rows{"co:bob:Online", "co:amy:Away"}));
        // A status for someone not listed: the server announces a new colleague so.
        CPPUNIT_ASSERT(list.apply(ColleagueStatusChanged{"cy", 2}));
        CPPUNIT_ASSERT_EQUAL(2, list.statusOf("cy").value_or(-9));
        CPPUNIT_ASSERT(!list.apply(MessageReceived{}));
    }

    void testInvitationLifecycle()
    {
        ColleagueList list;
        list.apply(RosterReceived{});
        // Invitations to me: accepted one becomes a colleague, denied one goes.
        CPPUNIT_ASSERT(list.apply(InvitationReceived{"ann"}));
        CPPUNIT_ASSERT(!list.apply(InvitationReceived{"ann"})); // repeated at the next login
        CPPUNIT_ASSERT(list.apply(InvitationReceived{"ben"}));
        CPPUNIT_ASSERT(!list.apply(ColleagueCommandResult{ColleagueAction::Accept, "ann", false}));
        CPPUNIT_ASSERT(list.apply(ColleagueCommandResult{ColleagueAction::Accept, "ann", true}));
        CPPUNIT_ASSERT(list.apply(ColleagueStatusChanged{"ann", 0}));
        CPPUNIT_ASSERT(list.apply(ColleagueCommandResult{ColleagueAction::Deny, "ben", true}));
        CPPUNIT_ASSERT(shown(list) == (Rows{"co:ann:Online"}));

        // Invitations I sent: listed once the server took them; answers move or drop them.
        CPPUNIT_ASSERT(list.apply(ColleagueCommandResult{ColleagueAction::Add, "cy", true}));
        CPPUNIT_ASSERT(list.apply(ColleagueCommandResult{ColleagueAction::Add, "di", true}));
        CPPUNIT_ASSERT(!list.apply(ColleagueCommandResult{ColleagueAction::Add, "nobody", false}));
        CPPUNIT_ASSERT(list.apply(InvitationAnswered{"cy", true}));
        CPPUNIT_ASSERT(list.apply(InvitationAnswered{"di", false}));
        CPPUNIT_ASSERT(shown(list) == (Rows{"co:ann:Online", "co:cy:Unknown"}));
        CPPUNIT_ASSERT(list.apply(ColleagueStatusChanged{"cy", 3}));

        // Removal from either side.
        CPPUNIT_ASSERT(list.apply(ColleagueRemoved{"ann"}));
        CPPUNIT_ASSERT(list.apply(ColleagueCommandResult{ColleagueAction::Remove, "cy", true}));
        CPPUNIT_ASSERT(list.rows().empty());
        // An invitation withdrawn by its sender.
        list.apply(InvitationReceived{"eve"});
        CPPUNIT_ASSERT(list.apply(ColleagueRemoved{"eve"}));
        CPPUNIT_ASSERT(list.rows().empty());
    }

    void testConnectionLostMakesStatusesUnknown()
    {
        ColleagueList list;
        list.apply(RosterReceived{{{"amy", 0}}, {"ben"}, {}});
        CPPUNIT_ASSERT(list.apply(ConnectionLost{"gone", std::chrono::milliseconds(100)}));
        CPPUNIT_ASSERT(shown(list) == (Rows{"in:ben:invites you", "co:amy:Unknown"}));
        CPPUNIT_ASSERT(!list.apply(ConnectionLost{"gone", std::nullopt}));
        list.clear();
        CPPUNIT_ASSERT(list.rows().empty());
    }

    void testTexts()
    {
        CPPUNIT_ASSERT_EQUAL(std::string("Busy"), colleagueStatusText(2));
        CPPUNIT_ASSERT_EQUAL(std::string("Unknown"), colleagueStatusText(7));
        CPPUNIT_ASSERT_EQUAL(std::string("Invitation sent to bob."),
                             describeColleagueResult({ColleagueAction::Add, "bob", true}));
        CPPUNIT_ASSERT_EQUAL(std::string("Could not invite bob: no such user, or already invited or a colleague."),
                             describeColleagueResult({ColleagueAction::Add, "bob", false}));
        CPPUNIT_ASSERT_EQUAL(std::string("bob declined your invitation."), describeInvitationAnswer({"bob", false}));
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(ColleagueListTest);

} // namespace
} // namespace ringdesk::operator_app
