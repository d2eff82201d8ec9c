// Transcripts for administrators against the real server and database: visitors chat with
// operators, then the real ringdesk-admin lists, shows and exports what was stored, and
// forgets a visitor (refusing while the server still holds it); its usage errors.
#include "admin_chat.h"
#include "admin_tool.h"
#include "server/store/database.h"
#include "support/server_process.h"
#include "support/test_peers.h"
#include "support/waits.h"

#include <Poco/JSON/Stringifier.h>

#include <cppunit/extensions/HelperMacros.h>

#include <sstream>
#include <thread>

namespace ringdesk::admin_tests {
namespace {

using integration::awaitMessage;
using integration::awaitPacket;
using integration::connectOperator;
using integration::connectVisitor;
using integration::ServerProcess;

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

/// Runs the tool, asserts exit code 0 and returns its result.
ToolResult succeed(const ServerProcess& server, const std::vector<std::string>& args)
{
    const ToolResult result = runAdmin(server, args);
    CPPUNIT_ASSERT_EQUAL_MESSAGE(result.describe(), 0, result.code);
    return result;
}

/// The "id" column of `transcripts list --json` with `args`.
std::vector<std::string> listed(const ServerProcess& server, std::vector<std::string> args)
{
    args.insert(args.begin(), {"transcripts", "list", "--json"});
    const Poco::JSON::Array::Ptr rows = succeed(server, args).jsonArray();
    std::vector<std::string> ids;
    for (std::size_t i = 0; i < rows->size(); ++i)
        ids.push_back(rows->getObject(static_cast<unsigned>(i))->getValue<std::string>("id"));
    return ids;
}

std::string text(const Poco::Dynamic::Var& value)
{
    std::ostringstream out;
    Poco::JSON::Stringifier::stringify(value, out);
    return out.str();
}

/// Waits until the server no longer lists a visitor WebSocket of `visitorId`.
void awaitVisitorGone(const ServerProcess& server, const std::string& visitorId)
{
    const auto deadline = std::chrono::steady_clock::now() + integration::kDeadline;
    for (;;) {
        const Poco::JSON::Array::Ptr sessions = succeed(server, {"sessions", "--visitors", "--json"}).jsonArray();
        bool present = false;
        for (std::size_t i = 0; i < sessions->size(); ++i)
            present = present || sessions->getObject(static_cast<unsigned>(i))->getValue<std::string>("username") == visitorId;
        if (!present)
            return;
        if (std::chrono::steady_clock::now() > deadline)
            CPPUNIT_FAIL("the server still holds a connection of " + visitorId);
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
}

/// `transcripts list`: Bea's live chat first, then Ann's ended one, with their columns; the
/// table form too. Returns the `started` of Bea's chat.
std::string listShowsBothNewestFirst(const ServerProcess& server, const visitor::Welcome& ann,
                                     std::int64_t annChat, const visitor::Welcome& bea, std::int64_t beaChat)
{
    const Poco::JSON::Array::Ptr rows = succeed(server, {"transcripts", "list", "--json"}).jsonArray();
    CPPUNIT_ASSERT_EQUAL(std::size_t(2), rows->size());
    const Poco::JSON::Object::Ptr beaRow = rows->getObject(0);
    CPPUNIT_ASSERT_EQUAL(std::to_string(beaChat), beaRow->getValue<std::string>("id"));
    CPPUNIT_ASSERT_EQUAL(bea.visitor, beaRow->getValue<std::string>("visitor"));
    CPPUNIT_ASSERT_EQUAL(std::string("bob"), beaRow->getValue<std::string>("operator"));
    CPPUNIT_ASSERT_EQUAL(std::string("connected"), beaRow->getValue<std::string>("state"));
    CPPUNIT_ASSERT_EQUAL(std::string(""), beaRow->getValue<std::string>("ended"));
    CPPUNIT_ASSERT_EQUAL(std::string("1"), beaRow->getValue<std::string>("messages"));
    const Poco::JSON::Object::Ptr annRow = rows->getObject(1);
    CPPUNIT_ASSERT_EQUAL(std::to_string(annChat), annRow->getValue<std::string>("id"));
    CPPUNIT_ASSERT_EQUAL(ann.visitor, annRow->getValue<std::string>("visitor"));
    CPPUNIT_ASSERT_EQUAL(std::string("Ann"), annRow->getValue<std::string>("visitor_name"));
    CPPUNIT_ASSERT_EQUAL(std::string("alice"), annRow->getValue<std::string>("operator"));
    CPPUNIT_ASSERT_EQUAL(std::string("ended"), annRow->getValue<std::string>("state"));
    CPPUNIT_ASSERT(annRow->getValue<std::string>("ended") >= annRow->getValue<std::string>("started"));
    CPPUNIT_ASSERT_EQUAL(std::string("3"), annRow->getValue<std::string>("messages"));
    const std::string table = succeed(server, {"transcripts", "list"}).out;
    CPPUNIT_ASSERT_MESSAGE(table, table.rfind("id  ", 0) == 0 && contains(table, ann.visitor));
    return beaRow->getValue<std::string>("started");
}

void filtersSelectTheRightChats(const ServerProcess& server, const visitor::Welcome& ann, std::int64_t annChat,
                                const visitor::Welcome& bea, std::int64_t beaChat, const std::string& beaStarted)
{
    const std::string annId = std::to_string(annChat);
    const std::string beaId = std::to_string(beaChat);
    CPPUNIT_ASSERT(listed(server, {"--visitor", ann.visitor}) == std::vector<std::string>{annId});
    CPPUNIT_ASSERT(listed(server, {"--operator=bob"}) == std::vector<std::string>{beaId});
    CPPUNIT_ASSERT(listed(server, {"--operator=alice", "--visitor=" + bea.visitor}).empty());
    CPPUNIT_ASSERT(listed(server, {"--since=2000-01-01"}) == (std::vector<std::string>{beaId, annId}));
    CPPUNIT_ASSERT(listed(server, {"--since=2999-01-01T00:00:00Z"}).empty());
    const std::vector<std::string> sinceBea = listed(server, {"--since=" + beaStarted});
    CPPUNIT_ASSERT(!sinceBea.empty() && sinceBea.front() == beaId);
    CPPUNIT_ASSERT(listed(server, {"--limit=1"}) == std::vector<std::string>{beaId});
}

/// show --json: the header and the messages in seq order. Returns the document.
Poco::JSON::Object::Ptr showJsonHoldsHeaderAndMessagesInOrder(const ServerProcess& server, std::int64_t annChat)
{
    const Poco::JSON::Object::Ptr shown =
        succeed(server, {"transcripts", "show", std::to_string(annChat), "--json"}).json();
    CPPUNIT_ASSERT_EQUAL(std::string("ringdesk-transcript"), shown->getValue<std::string>("format"));
    CPPUNIT_ASSERT_EQUAL(1, shown->getValue<int>("version"));
    const Poco::JSON::Object::Ptr header = shown->getObject("conversation");
    CPPUNIT_ASSERT_EQUAL(annChat, header->getValue<std::int64_t>("id"));
    CPPUNIT_ASSERT_EQUAL(std::string("alice"), header->getValue<std::string>("operator"));
    CPPUNIT_ASSERT_EQUAL(std::string("Alice Archer"), header->getValue<std::string>("operator_name"));
    CPPUNIT_ASSERT_EQUAL(std::string("https://shop.example/cart"), header->getValue<std::string>("page"));
    CPPUNIT_ASSERT_EQUAL(3, header->getValue<int>("message_count"));
    const Poco::JSON::Array::Ptr messages = shown->getArray("messages");
    CPPUNIT_ASSERT_EQUAL(std::size_t(3), messages->size());
    const std::vector<std::vector<std::string>> expected{
        {"visitor", "Ann", "Where is my parcel?"},
        {"operator", "Alice Archer", "It left yesterday.\nTracking: 42"},
        {"visitor", "Ann", "Thanks!"}};
    for (unsigned i = 0; i < 3; ++i) {
        const Poco::JSON::Object::Ptr message = messages->getObject(i);
        CPPUNIT_ASSERT_EQUAL(std::int64_t(i + 1), message->getValue<std::int64_t>("seq"));
        CPPUNIT_ASSERT_EQUAL(expected[i][0], message->getValue<std::string>("from"));
        CPPUNIT_ASSERT_EQUAL(expected[i][1], message->getValue<std::string>("name"));
        CPPUNIT_ASSERT_EQUAL(expected[i][2], message->getValue<std::string>("text"));
    }
    return shown;
}

/// show as tables: one line per message.
void showTableHasOneLinePerMessage(const ServerProcess& server, std::int64_t annChat)
{
    const std::string showTable = succeed(server, {"transcripts", "show", std::to_string(annChat)}).out;
    CPPUNIT_ASSERT_MESSAGE(showTable, contains(showTable, "operator_name  Alice Archer"));
    CPPUNIT_ASSERT_MESSAGE(showTable, contains(showTable, "Alice Archer  It left yesterday.\\nTracking: 42\n"));
}

/// export: readable text in order, or the same JSON document as show --json.
void exportIsReadableTextOrTheShownDocument(const ServerProcess& server, std::int64_t annChat,
                                            const Poco::JSON::Object::Ptr& shown)
{
    const std::string annId = std::to_string(annChat);
    const std::string exported = succeed(server, {"transcripts", "export", annId}).out;
    CPPUNIT_ASSERT_MESSAGE(exported, exported.rfind("Conversation " + annId + "\n", 0) == 0);
    CPPUNIT_ASSERT_MESSAGE(exported, contains(exported, "Operator:  Alice Archer (alice)\n"));
    const auto first = exported.find("  Ann: Where is my parcel?\n");
    const auto second = exported.find("  Alice Archer: It left yesterday.\n");
    const auto continued = exported.find("\n" + std::string(20 + 2 + 14, ' ') + "Tracking: 42\n");
    const auto third = exported.find("  Ann: Thanks!\n");
    CPPUNIT_ASSERT_MESSAGE(exported, first != std::string::npos && first < second && second < continued &&
                                         continued < third && third != std::string::npos);
    const Poco::JSON::Object::Ptr document =
        succeed(server, {"transcripts", "export", annId, "--format=json"}).json();
    CPPUNIT_ASSERT_EQUAL(text(shown), text(document));
}

/// Reading is not recorded: the audit log holds the two accounts made for the test only.
void readingIsNotAudited(const ServerProcess& server)
{
    const Poco::JSON::Array::Ptr audit = succeed(server, {"audit", "--json"}).jsonArray();
    CPPUNIT_ASSERT_EQUAL(std::size_t(2), audit->size());
    for (unsigned i = 0; i < audit->size(); ++i)
        CPPUNIT_ASSERT_EQUAL(std::string("user add"), audit->getObject(i)->getValue<std::string>("action"));
}

/// A live conversation is refused, with what to do; so is an open chat window (its next
/// message would start a conversation).
void liveChatAndOpenWindowAreRefused(const ServerProcess& server, const visitor::Welcome& ann,
                                     const visitor::Welcome& bea, std::int64_t beaChat)
{
    const ToolResult live = runAdmin(server, {"visitor", "forget", bea.visitor});
    CPPUNIT_ASSERT_EQUAL_MESSAGE(live.describe(), 1, live.code);
    CPPUNIT_ASSERT_MESSAGE(
        live.describe(),
        contains(live.err, "is in live conversation " + std::to_string(beaChat) + " (connected, operator bob)"));
    CPPUNIT_ASSERT_MESSAGE(live.describe(),
                           contains(live.err, "'ringdesk-admin ban visitor " + bea.visitor + "'"));
    succeed(server, {"transcripts", "show", std::to_string(beaChat)});
    const ToolResult open = runAdmin(server, {"visitor", "forget", ann.visitor});
    CPPUNIT_ASSERT_EQUAL_MESSAGE(open.describe(), 1, open.code);
    CPPUNIT_ASSERT_MESSAGE(open.describe(), contains(open.err, "has 1 chat window(s) open"));
}

/// As advised: the ban ends Bea's chat at once (Bob is told), then she can be forgotten.
void banEndsTheLiveChatThenItsVisitorIsForgotten(const ServerProcess& server, operator_client::NlchatClient& bob,
                                                 const visitor::Welcome& bea, std::int64_t beaChat)
{
    succeed(server, {"ban", "visitor", bea.visitor, "--reason=erasure request"});
    awaitPacket<nlchat::Disassociate>(bob, [&](const nlchat::Disassociate& d) { return d.id == beaChat; });
    const Poco::JSON::Object::Ptr beaForgotten =
        succeed(server, {"visitor", "forget", bea.visitor, "--json"}).json();
    CPPUNIT_ASSERT_EQUAL(Poco::UInt64(1), beaForgotten->getValue<Poco::UInt64>("conversations_deleted"));
    CPPUNIT_ASSERT_EQUAL(Poco::UInt64(1), beaForgotten->getValue<Poco::UInt64>("messages_deleted"));
    CPPUNIT_ASSERT_EQUAL(Poco::UInt64(0), beaForgotten->getValue<Poco::UInt64>("left_messages_deleted"));
    CPPUNIT_ASSERT_EQUAL(std::string("checked"), beaForgotten->getValue<std::string>("server"));
}

/// No transcript, left message or visitor row is left.
void nothingOfTheForgottenIsLeft(const ServerProcess& server, std::int64_t annChat)
{
    CPPUNIT_ASSERT(listed(server, {}).empty());
    const ToolResult gone = runAdmin(server, {"transcripts", "show", std::to_string(annChat)});
    CPPUNIT_ASSERT_EQUAL_MESSAGE(gone.describe(), 1, gone.code);
    CPPUNIT_ASSERT(contains(gone.err, "no such conversation: " + std::to_string(annChat)));
    Poco::Data::Session db = store::openDatabase(server.databasePath());
    int left = -1;
    int visitors = -1;
    db << "SELECT COUNT(*) FROM left_messages", Poco::Data::Keywords::into(left), Poco::Data::Keywords::now;
    db << "SELECT COUNT(*) FROM visitors", Poco::Data::Keywords::into(visitors), Poco::Data::Keywords::now;
    CPPUNIT_ASSERT_EQUAL(0, left);
    CPPUNIT_ASSERT_EQUAL(0, visitors);
}

/// Every attempt is in the audit log, the refusals with their reason.
void everyForgetIsAudited(const ServerProcess& server, const visitor::Welcome& ann)
{
    const Poco::JSON::Array::Ptr audit = succeed(server, {"audit", "--json"}).jsonArray();
    std::vector<std::string> forgets;
    for (std::size_t i = 0; i < audit->size(); ++i) {
        const Poco::JSON::Object::Ptr row = audit->getObject(static_cast<unsigned>(i));
        if (row->getValue<std::string>("action") != "visitor forget")
            continue;
        const std::string subject = contains(row->getValue<std::string>("arguments"), ann.visitor) ? "ann" : "bea";
        forgets.push_back(subject + " " + row->getValue<std::string>("outcome").substr(0, 6));
    }
    const std::vector<std::string> expectedForgets{"ann ok", "bea ok", "ann failed", "bea failed"};
    CPPUNIT_ASSERT(expectedForgets == forgets);
}

} // namespace

class AdminTranscriptTest : public CppUnit::TestFixture
{
    CPPUNIT_TEST_SUITE(AdminTranscriptTest);
    CPPUNIT_TEST(testListShowAndExport);
    CPPUNIT_TEST(testForgetVisitor);
    CPPUNIT_TEST(testUsageErrors);
    CPPUNIT_TEST_SUITE_END();

public:
    void testListShowAndExport()
    {
        ServerProcess server;
        server.addUser("alice", "alice-pw", "Alice Archer");
        server.addUser("bob", "bob-pw", "Bob Baker");
        server.start();
        auto alice = connectOperator(server, "alice", "alice-pw", "Alice Archer");
        auto bob = connectOperator(server, "bob", "bob-pw", "Bob Baker");

        // Ann chats with Alice and closes; Bea's chat with Bob goes on.
        visitor::Welcome ann;
        auto annSocket = connectVisitor(server, "Ann", ann);
        const std::int64_t annChat = acceptChat(*alice, *annSocket, "Where is my parcel?");
        operatorSays(*alice, *annSocket, annChat, "It left yesterday.\nTracking: 42");
        visitorSays(*annSocket, *alice, "Thanks!");
        annSocket->send(visitor::Close{});
        awaitMessage<visitor::StateChange>(*annSocket, [](const visitor::StateChange& s) {
            return s.state == visitor::state::kEnded;
        });
        visitor::Welcome bea;
        auto beaSocket = connectVisitor(server, "Bea", bea);
        const std::int64_t beaChat = acceptChat(*bob, *beaSocket, "Do you ship to Norway?");

        const std::string beaStarted = listShowsBothNewestFirst(server, ann, annChat, bea, beaChat);
        filtersSelectTheRightChats(server, ann, annChat, bea, beaChat, beaStarted);
        const Poco::JSON::Object::Ptr shown = showJsonHoldsHeaderAndMessagesInOrder(server, annChat);
        showTableHasOneLinePerMessage(server, annChat);
        exportIsReadableTextOrTheShownDocument(server, annChat, shown);
        readingIsNotAudited(server);
    }

    void testForgetVisitor()
    {
        ServerProcess server;
        server.addUser("alice", "alice-pw", "Alice Archer");
        server.addUser("bob", "bob-pw", "Bob Baker");
        server.start();
        auto alice = connectOperator(server, "alice", "alice-pw", "Alice Archer");
        auto bob = connectOperator(server, "bob", "bob-pw", "Bob Baker");

        // Ann chatted, closed the chat and left a message; her page is still open.
        visitor::Welcome ann;
        auto annSocket = connectVisitor(server, "Ann", ann);
        const std::int64_t annChat = acceptChat(*alice, *annSocket, "Hello, I need help");
        operatorSays(*alice, *annSocket, annChat, "Sure, what is it?");
        annSocket->send(visitor::Close{});
        awaitMessage<visitor::StateChange>(*annSocket, [](const visitor::StateChange& s) {
            return s.state == visitor::state::kEnded;
        });
        annSocket->send(visitor::LeaveMessage{"Ann", "ann@example.org", "Please call me back"});
        CPPUNIT_ASSERT(awaitMessage<visitor::LeftMessage>(*annSocket).ok);
        // Bea is chatting with Bob.
        visitor::Welcome bea;
        auto beaSocket = connectVisitor(server, "Bea", bea);
        const std::int64_t beaChat = acceptChat(*bob, *beaSocket, "Hi from Bea");

        liveChatAndOpenWindowAreRefused(server, ann, bea, beaChat);
        banEndsTheLiveChatThenItsVisitorIsForgotten(server, *bob, bea, beaChat);

        // Ann's page closes: now she can be forgotten too, her left message with her.
        annSocket->close();
        awaitVisitorGone(server, ann.visitor);
        const Poco::JSON::Object::Ptr annForgotten =
            succeed(server, {"visitor", "forget", ann.visitor, "--json"}).json();
        CPPUNIT_ASSERT_EQUAL(Poco::UInt64(1), annForgotten->getValue<Poco::UInt64>("conversations_deleted"));
        CPPUNIT_ASSERT_EQUAL(Poco::UInt64(2), annForgotten->getValue<Poco::UInt64>("messages_deleted"));
        CPPUNIT_ASSERT_EQUAL(Poco::UInt64(1), annForgotten->getValue<Poco::UInt64>("left_messages_deleted"));

        nothingOfTheForgottenIsLeft(server, annChat);
        // Ann's token names nobody now, so she comes back as someone new.
        visitor::Welcome again;
        auto back = connectVisitor(server, "Ann", again, ann.token);
        CPPUNIT_ASSERT(again.visitor != ann.visitor);
        everyForgetIsAudited(server, ann);

        // With the server down the database alone decides: an unknown visitor is still an error.
        CPPUNIT_ASSERT_EQUAL(0, server.stop());
        const ToolResult unknown = runAdmin(server, {"visitor", "forget", ann.visitor});
        CPPUNIT_ASSERT_EQUAL_MESSAGE(unknown.describe(), 1, unknown.code);
        CPPUNIT_ASSERT_MESSAGE(unknown.describe(), contains(unknown.err, "not reachable"));
        CPPUNIT_ASSERT_MESSAGE(unknown.describe(), contains(unknown.err, "no such visitor: " + ann.visitor));
    }

    void testUsageErrors()
    {
        ServerProcess server;
        server.start();
        const auto expect = [&](int code, const std::vector<std::string>& args, const std::string& message) {
            const ToolResult result = runAdmin(server, args);
            CPPUNIT_ASSERT_EQUAL_MESSAGE(result.describe(), code, result.code);
            CPPUNIT_ASSERT_MESSAGE(result.describe(), contains(result.err, message));
        };
        expect(2, {"transcripts"}, "usage: ringdesk-admin transcripts list");
        expect(2, {"transcripts", "list", "extra"}, "usage: ringdesk-admin transcripts");
        expect(2, {"transcripts", "show"}, "usage: ringdesk-admin transcripts");
        expect(2, {"transcripts", "show", "abc"}, "'abc' is not a conversation id");
        expect(2, {"transcripts", "show", "0"}, "'0' is not a conversation id");
        expect(2, {"transcripts", "list", "--since=yesterday"}, "'yesterday' is not a date or time");
        expect(2, {"transcripts", "list", "--since=2026-02-30"}, "names no real day");
        expect(2, {"transcripts", "list", "--visitor=bob"}, "'bob' is not a visitor id");
        expect(2, {"transcripts", "list", "--limit=0"}, "--limit must be at least 1");
        expect(2, {"transcripts", "export", "1", "--format=pdf"}, "--format must be txt or json");
        expect(1, {"transcripts", "show", "42"}, "no such conversation: 42");
        expect(1, {"transcripts", "export", "42", "--format=json"}, "no such conversation: 42");
        expect(2, {"visitor"}, "usage: ringdesk-admin visitor forget");
        expect(2, {"visitor", "forget"}, "usage: ringdesk-admin visitor forget");
        expect(2, {"visitor", "remember", "v-0000000000000000"}, "usage: ringdesk-admin visitor forget");
        expect(2, {"visitor", "forget", "203.0.113.7"}, "'203.0.113.7' is not a visitor id");
        expect(1, {"visitor", "forget", "v-0000000000000000"}, "no such visitor: v-0000000000000000");
        // An empty list is an empty table, not an error.
        CPPUNIT_ASSERT_EQUAL(std::string("[]\n"), succeed(server, {"transcripts", "list", "--json"}).out);
        const ToolResult help = succeed(server, {"--help"});
        CPPUNIT_ASSERT(contains(help.out, "transcripts list") && contains(help.out, "visitor forget") &&
                       contains(help.out, "backup FILE"));
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(AdminTranscriptTest);

} // namespace ringdesk::admin_tests
