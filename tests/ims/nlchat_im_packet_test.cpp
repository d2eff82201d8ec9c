// Round trips of the operator protocol's IM extension packets (docs/protocol.md, "IM extensions").
#include "protocol/nlchat_packet.h"
#include "protocol/protocol_error.h"

#include <cppunit/extensions/HelperMacros.h>

namespace ringdesk::ims_tests {

class NlchatImPacketTest : public CppUnit::TestFixture
{
    CPPUNIT_TEST_SUITE(NlchatImPacketTest);
    CPPUNIT_TEST(testWireForms);
    CPPUNIT_TEST(testRoundTrips);
    CPPUNIT_TEST(testMalformed);
    CPPUNIT_TEST_SUITE_END();

public:
    void testWireForms()
    {
        CPPUNIT_ASSERT_EQUAL(std::string(R"({"type":"set_status","status":1})"),
                             nlchat::encode(nlchat::SetStatus{1}));
        CPPUNIT_ASSERT_EQUAL(std::string(R"({"type":"team_msg_result","to":"bob","result":-1})"),
                             nlchat::encode(nlchat::TeamMsgResult{"bob", -1}));
        CPPUNIT_ASSERT_EQUAL(std::string(R"({"type":"roster","friends":[{"username":"bob","status":3}]})"),
                             nlchat::encode(nlchat::Roster{{{"bob", 3}}, {}, {}}));
        CPPUNIT_ASSERT_EQUAL(
            std::string(R"({"type":"roster","friends":[],"invited_by":["carol"],"invited":["dave","erin"]})"),
            nlchat::encode(nlchat::Roster{{}, {"carol"}, {"dave", "erin"}}));
        // Only a message from the offline store says so; a live one has no "offline" field.
        CPPUNIT_ASSERT_EQUAL(std::string(R"({"type":"team_msg","from":"a","to":"b","text":"x","ts":5,"offline":true})"),
                             nlchat::encode(nlchat::TeamMsg{"a", "b", "x", 5, true}));
        CPPUNIT_ASSERT_EQUAL(std::string(R"({"type":"team_msg","from":"a","to":"b","text":"x","ts":5})"),
                             nlchat::encode(nlchat::TeamMsg{"a", "b", "x", 5, false}));
    }

    void testRoundTrips()
    {
        const auto team = std::get<nlchat::TeamMsg>(
            nlchat::decode(nlchat::encode(nlchat::TeamMsg{"alice", "bob", "hi <b>", 42})));
        CPPUNIT_ASSERT(team.from == "alice" && team.to == "bob" && team.text == "hi <b>" && team.ts == 42 &&
                       !team.offline);
        CPPUNIT_ASSERT(std::get<nlchat::TeamMsg>(
                           nlchat::decode(nlchat::encode(nlchat::TeamMsg{"alice", "bob", "later", 7, true})))
                           .offline);
        const auto roster = std::get<nlchat::Roster>(
            nlchat::decode(nlchat::encode(nlchat::Roster{{{"bob", 1}}, {"carol"}, {"dave"}})));
        CPPUNIT_ASSERT(roster.friends.size() == 1 && roster.friends[0].status == 1 &&
                       roster.invitedBy == std::vector<std::string>{"carol"} &&
                       roster.invited == std::vector<std::string>{"dave"});
        const auto result = std::get<nlchat::FriendResult>(
            nlchat::decode(nlchat::encode(nlchat::FriendResult{"friend_accept", "bob", 1})));
        CPPUNIT_ASSERT(result.action == "friend_accept" && result.username == "bob" && result.result == 1);
        CPPUNIT_ASSERT_EQUAL(std::string("carol"),
                             std::get<nlchat::FriendInvite>(nlchat::decode(R"({"type":"friend_invite","from":"carol"})")).from);
        CPPUNIT_ASSERT(std::get<nlchat::Roster>(nlchat::decode(R"({"type":"roster"})")).friends.empty());
        const auto update = std::get<nlchat::StatusUpdate>(
            nlchat::decode(nlchat::encode(nlchat::StatusUpdate{"bob", 2})));
        CPPUNIT_ASSERT(update.username == "bob" && update.status == 2);
        for (const char* type : {"friend_request", "friend_accept", "friend_deny", "friend_delete"}) {
            const nlchat::Packet packet =
                nlchat::decode(std::string(R"({"type":")") + type + R"(","username":"bob"})");
            CPPUNIT_ASSERT_EQUAL(std::string(type), std::string(nlchat::commandName(packet)));
        }
    }

    void testMalformed()
    {
        CPPUNIT_ASSERT_THROW(nlchat::decode(R"({"type":"set_status"})"), protocol::ProtocolError);
        CPPUNIT_ASSERT_THROW(nlchat::decode(R"({"type":"team_msg","to":"bob"})"), protocol::ProtocolError);
        CPPUNIT_ASSERT_THROW(nlchat::decode(R"({"type":"friend_request","username":7})"), protocol::ProtocolError);
        CPPUNIT_ASSERT_THROW(nlchat::decode(R"({"type":"roster","friends":[1]})"), protocol::ProtocolError);
        CPPUNIT_ASSERT_THROW(nlchat::decode(R"({"type":"roster","friends":[],"invited":[1]})"),
                             protocol::ProtocolError);
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(NlchatImPacketTest);

} // namespace ringdesk::ims_tests
