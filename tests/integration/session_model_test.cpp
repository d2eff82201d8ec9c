// The session's state machine alone (operator-client/session/session_model.h): packets in,
// events out, no sockets. Covers what the end-to-end tests cannot force the server to do.
#include "operator-client/session/session_model.h"

#include <cppunit/extensions/HelperMacros.h>

namespace ringdesk::integration {

using namespace operator_client;

namespace {

const std::string kMe = "me-uuid";

nlchat::Msg visitorMsg(std::int64_t chat, std::int64_t seq, const std::string& text)
{
    return nlchat::Msg{{text}, nlchat::Direction::In, kMe, chat, seq, 1'764'000'000'000 + seq};
}

/// A model logged in and past the hand-back, holding chat `chat` (won from a ring).
SessionModel readyWithChat(std::int64_t chat)
{
    SessionModel model(kMe);
    model.connectionOpened("me", "pw", "");
    model.handle(nlchat::Login{"me", {}, 1, "Me"});
    model.handle(nlchat::Status{});
    model.handle(nlchat::Ring{chat, "", 0, "v-1", "Ann", "https://shop.example/", "hi"});
    model.handle(nlchat::RingAckAck{kMe, chat, "Me", false});
    return model;
}

template <class T>
const T& only(const std::vector<Event>& events)
{
    CPPUNIT_ASSERT_EQUAL(std::size_t(1), events.size());
    CPPUNIT_ASSERT(std::holds_alternative<T>(events[0]));
    return std::get<T>(events[0]);
}

} // namespace

class SessionModelTest : public CppUnit::TestFixture
{
    CPPUNIT_TEST_SUITE(SessionModelTest);
    CPPUNIT_TEST(testLoginSendsKeyLoginKeyAndReachesReadyAtStatus);
    CPPUNIT_TEST(testRefusedLoginStops);
    CPPUNIT_TEST(testReplayedMessagesAreDropped);
    CPPUNIT_TEST(testChatNotHandedBackEndsAtTheBarrier);
    CPPUNIT_TEST(testRingOutcomesAreReportedOnce);
    CPPUNIT_TEST(testEndChatReportsOnce);
    CPPUNIT_TEST(testConnectionLostClosesPendingRings);
    CPPUNIT_TEST(testLogoutStops);
    CPPUNIT_TEST(testColleaguePacketsAndCommands);
    CPPUNIT_TEST_SUITE_END();

public:
    void testLoginSendsKeyLoginKeyAndReachesReadyAtStatus()
    {
        SessionModel model(kMe);
        const std::vector<nlchat::Packet> greeting = model.connectionOpened("me", "pw", "PEM");
        CPPUNIT_ASSERT_EQUAL(std::size_t(3), greeting.size());
        CPPUNIT_ASSERT_EQUAL(std::string("PEM"), std::get<nlchat::Key>(greeting[0]).key);
        CPPUNIT_ASSERT_EQUAL(std::string("pw"), std::get<nlchat::Login>(greeting[1]).password);
        CPPUNIT_ASSERT_EQUAL(kMe, std::get<nlchat::Key>(greeting[2]).uuid);
        // The status answering the first key comes before the login answer: not the barrier.
        CPPUNIT_ASSERT(model.handle(nlchat::Status{}).empty());
        CPPUNIT_ASSERT(model.phase() == SessionModel::Phase::LoggingIn);
        CPPUNIT_ASSERT_EQUAL(std::string("Me"), only<LoggedIn>(model.handle(nlchat::Login{"me", {}, 1, "Me"})).displayName);
        CPPUNIT_ASSERT(model.phase() == SessionModel::Phase::Resuming);
        CPPUNIT_ASSERT(model.handle(nlchat::Status{}).empty());
        CPPUNIT_ASSERT(model.phase() == SessionModel::Phase::Ready);
    }

    void testRefusedLoginStops()
    {
        SessionModel model(kMe);
        model.connectionOpened("me", "pw", "");
        CPPUNIT_ASSERT_EQUAL(2, only<LoginFailed>(model.handle(nlchat::Login{{}, {}, 2, {}})).result);
        CPPUNIT_ASSERT(model.phase() == SessionModel::Phase::Refused);
        model.connectionLost();
        CPPUNIT_ASSERT(model.phase() == SessionModel::Phase::Refused);
        CPPUNIT_ASSERT(model.stopReason().find("banned") != std::string::npos);
    }

    void testReplayedMessagesAreDropped()
    {
        SessionModel model = readyWithChat(7);
        CPPUNIT_ASSERT_EQUAL(std::int64_t(1), only<MessageReceived>(model.handle(visitorMsg(7, 1, "hi"))).seq);
        only<MessageReceived>(model.handle(visitorMsg(7, 3, "there")));

        // Reconnect: the server hands the chat back and replays from seq 1.
        model.connectionLost();
        model.connectionOpened("me", "pw", "");
        model.handle(nlchat::Login{"me", {}, 1, "Me"});
        CPPUNIT_ASSERT(only<RingWon>(model.handle(nlchat::RingAckAck{kMe, 7, "Me", true})).resumed);
        CPPUNIT_ASSERT(model.handle(visitorMsg(7, 1, "hi")).empty());
        CPPUNIT_ASSERT(model.handle(visitorMsg(7, 3, "there")).empty());
        CPPUNIT_ASSERT_EQUAL(std::string("new"), only<MessageReceived>(model.handle(visitorMsg(7, 5, "new"))).text);
        CPPUNIT_ASSERT(model.handle(nlchat::Status{}).empty());
        CPPUNIT_ASSERT_EQUAL(std::size_t(1), model.openChats().size());
        CPPUNIT_ASSERT_EQUAL(std::string("Ann"), model.openChats()[0].visitorName);
    }

    void testChatNotHandedBackEndsAtTheBarrier()
    {
        SessionModel model = readyWithChat(7);
        model.connectionLost();
        model.connectionOpened("me", "pw", "");
        model.handle(nlchat::Login{"me", {}, 1, "Me"});
        CPPUNIT_ASSERT_EQUAL(std::int64_t(7), only<ChatEnded>(model.handle(nlchat::Status{})).chatId);
        CPPUNIT_ASSERT(model.openChats().empty());
    }

    void testRingOutcomesAreReportedOnce()
    {
        SessionModel model = readyWithChat(7);
        CPPUNIT_ASSERT_EQUAL(std::int64_t(8),
                             only<RingOffered>(model.handle(nlchat::Ring{8, "", 0, "v-2", "Bea", "", "?"})).ring.id);
        const RingTaken taken = only<RingTaken>(model.handle(nlchat::RingAckAck{"other", 8, "Olga", false}));
        CPPUNIT_ASSERT_EQUAL(std::string("Olga"), taken.byName);
        // The server repeats the winner to a late ringACK: nothing new to report.
        CPPUNIT_ASSERT(model.handle(nlchat::RingAckAck{"other", 8, "Olga", false}).empty());

        model.handle(nlchat::Ring{9, "", 0, "v-3", "Cid", "", "?"});
        CPPUNIT_ASSERT_EQUAL(std::int64_t(9), only<RingClosed>(model.handle(nlchat::RingAckAck{"", 9, "", false})).id);
        CPPUNIT_ASSERT(model.pendingRings().empty());

        // Chat 7 rung again: the server gave it up while we were away.
        const std::vector<Event> events = model.handle(nlchat::Ring{7, "", 0, "v-1", "Ann", "", "hi"});
        CPPUNIT_ASSERT_EQUAL(std::size_t(2), events.size());
        CPPUNIT_ASSERT_EQUAL(std::int64_t(7), std::get<ChatEnded>(events[0]).chatId);
        CPPUNIT_ASSERT_EQUAL(std::int64_t(7), std::get<RingOffered>(events[1]).ring.id);
    }

    void testEndChatReportsOnce()
    {
        SessionModel model = readyWithChat(7);
        const Command end = EndChat{7};
        CPPUNIT_ASSERT_EQUAL(std::int64_t(7), std::get<nlchat::Disassociate>(model.packetFor(end)).id);
        CPPUNIT_ASSERT_EQUAL(std::int64_t(7), only<ChatEnded>(model.sent(end)).chatId);
        CPPUNIT_ASSERT(model.handle(nlchat::Disassociate{kMe, 7}).empty());
        CPPUNIT_ASSERT(model.handle(visitorMsg(7, 9, "late")).empty());
    }

    void testConnectionLostClosesPendingRings()
    {
        SessionModel model = readyWithChat(7);
        model.handle(nlchat::Ring{8, "", 0, "v-2", "Bea", "", "?"});
        CPPUNIT_ASSERT_EQUAL(std::int64_t(8), only<RingClosed>(model.connectionLost()).id);
        CPPUNIT_ASSERT(model.phase() == SessionModel::Phase::Offline);
        CPPUNIT_ASSERT_EQUAL(std::size_t(1), model.openChats().size());
    }

    void testLogoutStops()
    {
        SessionModel model = readyWithChat(7);
        CPPUNIT_ASSERT(model.handle(nlchat::Logout{"banned by admin"}).empty());
        CPPUNIT_ASSERT(model.phase() == SessionModel::Phase::LoggedOut);
        CPPUNIT_ASSERT(model.stopReason().find("banned by admin") != std::string::npos);
    }

    void testColleaguePacketsAndCommands()
    {
        SessionModel model = readyWithChat(1);
        // The operator's own status is not a colleague's.
        CPPUNIT_ASSERT(model.handle(nlchat::StatusUpdate{"me", 1}).empty());
        const auto change = only<ColleagueStatusChanged>(model.handle(nlchat::StatusUpdate{"bob", 2}));
        CPPUNIT_ASSERT(change.username == "bob" && change.status == 2);
        const auto roster = only<RosterReceived>(model.handle(nlchat::Roster{{{"bob", 3}}, {"cy"}, {"di"}}));
        CPPUNIT_ASSERT(roster.colleagues.size() == 1 && roster.colleagues[0].username == "bob" &&
                       roster.colleagues[0].status == 3);
        CPPUNIT_ASSERT(roster.invitedBy == std::vector<std::string>{"cy"} &&
                       roster.invited == std::vector<std::string>{"di"});
        CPPUNIT_ASSERT(only<InvitationAnswered>(model.handle(nlchat::FriendDeny{"di"})).accepted == false);
        CPPUNIT_ASSERT(only<InvitationAnswered>(model.handle(nlchat::FriendAccept{"di"})).accepted);
        CPPUNIT_ASSERT_EQUAL(std::string("bob"), only<ColleagueRemoved>(model.handle(nlchat::FriendDelete{"bob"})).username);
        const auto result = only<ColleagueCommandResult>(model.handle(nlchat::FriendResult{"friend_request", "x", 0}));
        CPPUNIT_ASSERT(result.action == ColleagueAction::Add && !result.done);
        CPPUNIT_ASSERT(model.handle(nlchat::FriendResult{"friend_unknown", "x", 1}).empty());
        CPPUNIT_ASSERT(only<TeamMessageResult>(model.handle(nlchat::TeamMsgResult{"bob", -1})).delivery ==
                       TeamDelivery::Stored);
        const auto team = only<TeamMessageReceived>(model.handle(nlchat::TeamMsg{"bob", "me", "hi", 9, true}));
        CPPUNIT_ASSERT(team.from == "bob" && team.text == "hi" && team.ts == 9 && team.offline);
        // Commands become the extension packets.
        const nlchat::Packet message = model.packetFor(SendTeamText{"bob", "yo"});
        CPPUNIT_ASSERT_EQUAL(std::string(R"({"type":"team_msg","to":"bob","text":"yo"})"), nlchat::encode(message));
        CPPUNIT_ASSERT_EQUAL(std::string(R"({"type":"friend_request","username":"cy"})"),
                             nlchat::encode(model.packetFor(AddColleague{"cy"})));
        CPPUNIT_ASSERT_EQUAL(std::string(R"({"type":"roster","friends":[]})"),
                             nlchat::encode(model.packetFor(RequestRoster{})));
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(SessionModelTest);

} // namespace ringdesk::integration
