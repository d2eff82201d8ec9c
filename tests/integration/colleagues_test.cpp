// Colleagues and team messages (docs/protocol.md, "IM extensions") over real sockets: two or
// three operator sessions (operator-client/session/operator_engine.h) against the real server.
// An invitation is offered, answered and seen in both rosters; a status set by one operator
// reaches its colleague live; a denied invitation and a removed colleague reach the other
// side; team messages are delivered live, or stored for an offline colleague and delivered
// exactly once, in order and marked offline, at its next login; an unknown recipient is
// reported. The roster comes again by itself after the session logs in again.
#include "operator-client/session/operator_engine.h"
#include "support/server_process.h"
#include "support/test_peers.h"
#include "support/waits.h"

#include <cppunit/extensions/HelperMacros.h>

#include <memory>
#include <string>
#include <vector>

namespace ringdesk::integration {

using namespace operator_client;

namespace {

constexpr int kOnline = 0;
constexpr int kAway = 1;
constexpr int kBusy = 2;
constexpr int kOffline = 3;

/// A started session of `username` (password "<username>-pw") that has logged in and received
/// its first roster, which is returned through `roster` when given.
std::unique_ptr<OperatorEngine> loggedIn(const ServerProcess& server, const std::string& username,
                                         RosterReceived* roster = nullptr)
{
    auto session =
        std::make_unique<OperatorEngine>(sessionSettings(server.operatorPort(), username, username + "-pw"));
    session->start();
    awaitSessionLogin(*session);
    // The session asks for the roster by itself after every login.
    const RosterReceived first = awaitEvent<RosterReceived>(*session);
    if (roster != nullptr)
        *roster = first;
    return session;
}

void addUsers(ServerProcess& server, const std::vector<std::string>& names)
{
    for (const std::string& name : names)
        server.addUser(name, name + "-pw", name);
}

/// The events a session reports before the first T (which is consumed too).
template <class T>
std::vector<Event> eventsBefore(OperatorEngine& session)
{
    std::vector<Event> before;
    const auto deadline = std::chrono::steady_clock::now() + kDeadline;
    while (std::chrono::steady_clock::now() < deadline) {
        std::optional<Event> event = session.waitEvent(std::chrono::milliseconds(200));
        if (!event)
            continue;
        if (std::holds_alternative<T>(*event))
            return before;
        before.push_back(*event);
    }
    throw std::runtime_error("no " + demangle(typeid(T).name()) + " event within the deadline");
}

bool hasColleague(const RosterReceived& roster, const std::string& name, int status)
{
    for (const Colleague& colleague : roster.colleagues)
        if (colleague.username == name)
            return colleague.status == status;
    return false;
}

ColleagueCommandResult awaitResult(OperatorEngine& session, ColleagueAction action)
{
    return awaitEvent<ColleagueCommandResult>(
        session, [action](const ColleagueCommandResult& result) { return result.action == action; });
}

ColleagueStatusChanged awaitStatusOf(OperatorEngine& session, const std::string& name, int status)
{
    return awaitEvent<ColleagueStatusChanged>(session, [&](const ColleagueStatusChanged& change) {
        return change.username == name && change.status == status;
    });
}

} // namespace

class ColleaguesTest : public CppUnit::TestFixture
{
    CPPUNIT_TEST_SUITE(ColleaguesTest);
    CPPUNIT_TEST(testInviteAcceptRostersAndLiveStatus);
    CPPUNIT_TEST(testDenyAndRemoveReachTheOtherSide);
    CPPUNIT_TEST(testTeamMessageLiveAndUnknownUser);
    CPPUNIT_TEST(testOfflineTeamMessagesDeliveredOnceInOrder);
    CPPUNIT_TEST_SUITE_END();

public:
    void testInviteAcceptRostersAndLiveStatus()
    {
        ServerProcess server;
        addUsers(server, {"ann", "ben"});
        server.start();
        RosterReceived annFirst;
        auto ann = loggedIn(server, "ann", &annFirst);
        auto ben = loggedIn(server, "ben");
        CPPUNIT_ASSERT(annFirst.colleagues.empty() && annFirst.invited.empty() && annFirst.invitedBy.empty());

        // ann invites ben: ben is told at once; both rosters show the invitation from their side.
        ann->addColleague("ben");
        const ColleagueCommandResult added = awaitResult(*ann, ColleagueAction::Add);
        CPPUNIT_ASSERT(added.done && added.username == "ben");
        CPPUNIT_ASSERT_EQUAL(std::string("ann"), awaitEvent<InvitationReceived>(*ben).from);
        ann->requestRoster();
        CPPUNIT_ASSERT(awaitEvent<RosterReceived>(*ann).invited == std::vector<std::string>{"ben"});
        ben->requestRoster();
        CPPUNIT_ASSERT(awaitEvent<RosterReceived>(*ben).invitedBy == std::vector<std::string>{"ann"});

        // ben accepts: ann hears the answer, each sees the other Online.
        ben->acceptColleague("ann");
        CPPUNIT_ASSERT(awaitResult(*ben, ColleagueAction::Accept).done);
        awaitStatusOf(*ben, "ann", kOnline);
        const InvitationAnswered answered = awaitEvent<InvitationAnswered>(*ann);
        CPPUNIT_ASSERT(answered.accepted && answered.username == "ben");
        awaitStatusOf(*ann, "ben", kOnline);
        ann->requestRoster();
        const RosterReceived annRoster = awaitEvent<RosterReceived>(*ann);
        CPPUNIT_ASSERT(hasColleague(annRoster, "ben", kOnline));
        CPPUNIT_ASSERT(annRoster.invited.empty() && annRoster.invitedBy.empty());
        ben->requestRoster();
        const RosterReceived benRoster = awaitEvent<RosterReceived>(*ben);
        CPPUNIT_ASSERT(hasColleague(benRoster, "ann", kOnline));
        CPPUNIT_ASSERT(benRoster.invited.empty() && benRoster.invitedBy.empty());

        // set_status reaches the colleague as a live status_update; so does the logout.
        ben->setStatus(kAway);
        awaitStatusOf(*ann, "ben", kAway);
        ben->setStatus(kBusy);
        awaitStatusOf(*ann, "ben", kBusy);
        ben->disconnect();
        awaitStatusOf(*ann, "ben", kOffline);

        // After the server restarts, the session logs in again and brings the roster by itself.
        ben.reset();
        CPPUNIT_ASSERT_EQUAL_MESSAGE(server.logTail(), 0, server.stop());
        awaitEvent<ConnectionLost>(*ann);
        server.start();
        awaitEvent<LoggedIn>(*ann, kDeadline, Losses::Skip);
        CPPUNIT_ASSERT(hasColleague(awaitEvent<RosterReceived>(*ann), "ben", kOffline));
    }

    void testDenyAndRemoveReachTheOtherSide()
    {
        ServerProcess server;
        addUsers(server, {"cat", "dan", "eve"});
        server.start();
        auto cat = loggedIn(server, "cat");
        auto dan = loggedIn(server, "dan");

        // An invitation to a user that does not exist is refused.
        cat->addColleague("nobody");
        const ColleagueCommandResult refused = awaitResult(*cat, ColleagueAction::Add);
        CPPUNIT_ASSERT(!refused.done && refused.username == "nobody");

        // dan denies: cat hears it, and neither roster keeps the invitation.
        cat->addColleague("dan");
        CPPUNIT_ASSERT(awaitResult(*cat, ColleagueAction::Add).done);
        awaitEvent<InvitationReceived>(*dan);
        dan->denyColleague("cat");
        CPPUNIT_ASSERT(awaitResult(*dan, ColleagueAction::Deny).done);
        const InvitationAnswered denied = awaitEvent<InvitationAnswered>(*cat);
        CPPUNIT_ASSERT(!denied.accepted && denied.username == "dan");
        for (OperatorEngine* session : {cat.get(), dan.get()}) {
            session->requestRoster();
            const RosterReceived roster = awaitEvent<RosterReceived>(*session);
            CPPUNIT_ASSERT(roster.colleagues.empty() && roster.invited.empty() && roster.invitedBy.empty());
        }
        // A second answer finds no invitation.
        dan->acceptColleague("cat");
        CPPUNIT_ASSERT(!awaitResult(*dan, ColleagueAction::Accept).done);

        // eve, offline, is invited: she finds the invitation at login, accepts, and cat later
        // removes her; she is told.
        cat->addColleague("eve");
        CPPUNIT_ASSERT(awaitResult(*cat, ColleagueAction::Add).done);
        RosterReceived eveRoster;
        auto eve = loggedIn(server, "eve", &eveRoster);
        CPPUNIT_ASSERT(eveRoster.invitedBy == std::vector<std::string>{"cat"});
        eve->acceptColleague("cat");
        CPPUNIT_ASSERT(awaitResult(*eve, ColleagueAction::Accept).done);
        awaitStatusOf(*cat, "eve", kOnline);
        cat->removeColleague("eve");
        CPPUNIT_ASSERT(awaitResult(*cat, ColleagueAction::Remove).done);
        CPPUNIT_ASSERT_EQUAL(std::string("cat"), awaitEvent<ColleagueRemoved>(*eve).username);
        eve->requestRoster();
        CPPUNIT_ASSERT(awaitEvent<RosterReceived>(*eve).colleagues.empty());
    }

    void testTeamMessageLiveAndUnknownUser()
    {
        ServerProcess server;
        addUsers(server, {"fay", "gus"});
        server.start();
        auto fay = loggedIn(server, "fay");
        auto gus = loggedIn(server, "gus");

        const std::string text = "Can you take the 3 o'clock shift? \u00e7a va \U0001F600";
        fay->sendTeamMessage("gus", text);
        CPPUNIT_ASSERT(awaitEvent<TeamMessageResult>(*fay).delivery == TeamDelivery::Delivered);
        const TeamMessageReceived received = awaitEvent<TeamMessageReceived>(*gus);
        CPPUNIT_ASSERT_EQUAL(std::string("fay"), received.from);
        CPPUNIT_ASSERT_EQUAL(text, received.text);
        CPPUNIT_ASSERT(received.ts > 0);
        CPPUNIT_ASSERT(!received.offline);

        gus->sendTeamMessage("nobody", "hello?");
        const TeamMessageResult unknown = awaitEvent<TeamMessageResult>(*gus);
        CPPUNIT_ASSERT(unknown.delivery == TeamDelivery::NoSuchUser);
        CPPUNIT_ASSERT_EQUAL(std::string("nobody"), unknown.to);
        CPPUNIT_ASSERT_THROW(gus->sendTeamMessage("fay", ""), std::invalid_argument);
        CPPUNIT_ASSERT_THROW(gus->addColleague(""), std::invalid_argument);
    }

    void testOfflineTeamMessagesDeliveredOnceInOrder()
    {
        ServerProcess server;
        addUsers(server, {"hal", "ida"});
        server.start();
        // The sender on a bare connection: the wire answers, one per message.
        auto hal = connectOperator(server, "hal", "hal-pw", "hal");
        const std::vector<std::string> texts = {"first", "second", "third"};
        for (const std::string& text : texts) {
            hal->send(nlchat::TeamMsg{{}, "ida", text, 0, false});
            const auto result = awaitPacket<nlchat::TeamMsgResult>(*hal);
            CPPUNIT_ASSERT_EQUAL(std::string("ida"), result.to);
            CPPUNIT_ASSERT_EQUAL(static_cast<int>(TeamDelivery::Stored), result.result);
        }

        // ida logs in: the stored messages come before the roster, in order, marked offline.
        auto ida = std::make_unique<OperatorEngine>(sessionSettings(server.operatorPort(), "ida", "ida-pw"));
        ida->start();
        std::vector<TeamMessageReceived> delivered;
        for (const Event& event : eventsBefore<RosterReceived>(*ida))
            if (const auto* message = std::get_if<TeamMessageReceived>(&event))
                delivered.push_back(*message);
        CPPUNIT_ASSERT_EQUAL(texts.size(), delivered.size());
        for (std::size_t i = 0; i < texts.size(); ++i) {
            CPPUNIT_ASSERT_EQUAL(texts[i], delivered[i].text);
            CPPUNIT_ASSERT_EQUAL(std::string("hal"), delivered[i].from);
            CPPUNIT_ASSERT(delivered[i].offline);
            CPPUNIT_ASSERT(delivered[i].ts > 0);
            if (i > 0)
                CPPUNIT_ASSERT(delivered[i].ts >= delivered[i - 1].ts);
        }

        // Once: the next login brings none of them again.
        ida.reset();
        ida = std::make_unique<OperatorEngine>(sessionSettings(server.operatorPort(), "ida", "ida-pw"));
        ida->start();
        for (const Event& event : eventsBefore<RosterReceived>(*ida))
            CPPUNIT_ASSERT_MESSAGE(describe(event), !std::holds_alternative<TeamMessageReceived>(event));

        // While ida is logged in, hal's message is live, not offline.
        hal->send(nlchat::TeamMsg{{}, "ida", "now", 0, false});
        CPPUNIT_ASSERT_EQUAL(static_cast<int>(TeamDelivery::Delivered),
                             awaitPacket<nlchat::TeamMsgResult>(*hal).result);
        const TeamMessageReceived live = awaitEvent<TeamMessageReceived>(*ida);
        CPPUNIT_ASSERT(live.text == "now" && !live.offline);
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(ColleaguesTest);

} // namespace ringdesk::integration
