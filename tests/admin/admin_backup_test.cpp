// `ringdesk-admin backup` against the real server while it writes: a visitor and an operator
// exchange messages in a loop on another thread during the backup. The copy passes
// integrity_check, holds every conversation committed before the backup began, is one
// snapshot (no message missing in the middle), and the tool reads transcripts from it.
#include "admin_chat.h"
#include "admin_tool.h"
#include "server/store/database.h"
#include "support/server_process.h"
#include "support/test_peers.h"
#include "support/waits.h"

#include <Poco/File.h>
#include <Poco/Path.h>

#include <cppunit/extensions/HelperMacros.h>

#include <atomic>
#include <exception>
#include <thread>

namespace ringdesk::admin_tests {
namespace {

using namespace Poco::Data::Keywords;
using integration::awaitMessage;
using integration::connectOperator;
using integration::connectVisitor;
using integration::ServerProcess;

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

/// The one number `sql` selects about `conversation` (bound to its one parameter).
std::int64_t ofConversation(Poco::Data::Session& session, const std::string& sql, std::int64_t conversation)
{
    std::int64_t value = -1;
    session << sql, bind(conversation), into(value), now;
    return value;
}

} // namespace

class AdminBackupTest : public CppUnit::TestFixture
{
    CPPUNIT_TEST_SUITE(AdminBackupTest);
    CPPUNIT_TEST(testBackupWhileTheServerWrites);
    CPPUNIT_TEST_SUITE_END();

public:
    void testBackupWhileTheServerWrites()
    {
        ServerProcess server;
        server.addUser("alice", "alice-pw", "Alice Archer");
        // The chat during the backup writes as fast as it can, faster than a visitor may.
        server.define("ringdesk.visitor.messagesPerSecond", "100000");
        server.define("ringdesk.visitor.messageBurst", "100000");
        server.start();
        fillTheAuditLog(server);
        auto alice = connectOperator(server, "alice", "alice-pw", "Alice Archer");
        visitor::Welcome welcome;
        auto ann = connectVisitor(server, "Ann", welcome);
        // A whole conversation before the backup...
        const std::int64_t earlier = acceptChat(*alice, *ann, "Before the backup");
        operatorSays(*alice, *ann, earlier, "Answered before the backup");
        ann->send(visitor::Close{});
        awaitMessage<visitor::StateChange>(*ann, [](const visitor::StateChange& s) {
            return s.state == visitor::state::kEnded;
        });
        // ...and one that goes on while it runs.
        const std::int64_t during = acceptChat(*alice, *ann, "Round 0");
        const std::string file = Poco::Path(Poco::Path(server.dataDir()), "backup.db").toString();
        const BackupRun run = backUpWhileChatting(server, *alice, *ann, during, file);

        reportDescribesTheFile(run, file);
        copyIsOneIntactSnapshot(file, earlier, during, run);
        toolReadsTranscriptsFromTheCopy(file, earlier);
        existingFileIsReplacedOnlyWithForce(server, file);
        usageAndFailuresAreRefused(server, file);
        everyBackupIsAudited(server);
    }

private:
    /// What a backup taken during a chat returned, and how many messages of the chat the
    /// server had committed when it began and when it ended.
    struct BackupRun
    {
        ToolResult backup;
        std::int64_t before = 0;
        std::int64_t after = 0;
    };

    /// A few megabytes of old audit rows, so that the copy takes several steps.
    static void fillTheAuditLog(const ServerProcess& server)
    {
        Poco::Data::Session db = store::openDatabase(server.databasePath());
        db << "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20000) "
              "INSERT INTO audit_log (at, admin, source, action, arguments, outcome) "
              "SELECT 1, 'filler', 'cli', 'fill', '{}', printf('ok %0200d', i) FROM n",
            now;
    }

    /// Runs `backup FILE --json` while chat `during` goes on: one message each way per round.
    static BackupRun backUpWhileChatting(const ServerProcess& server, operator_client::NlchatClient& alice,
                                         integration::VisitorClient& ann, std::int64_t during,
                                         const std::string& file)
    {
        std::atomic<std::int64_t> confirmed{1}; // messages of `during` the server has committed
        std::atomic<bool> stop{false};
        std::exception_ptr failure;
        std::atomic<bool> failed{false};
        std::thread chat([&] {
            try {
                for (int round = 1; !stop; ++round) {
                    visitorSays(ann, alice, "Visitor, round " + std::to_string(round));
                    ++confirmed;
                    operatorSays(alice, ann, during, "Operator, round " + std::to_string(round));
                    ++confirmed;
                }
            } catch (...) {
                failure = std::current_exception(); // rethrown on the test's thread
                failed = true;
            }
        });
        while (confirmed < 5 && !failed)
            std::this_thread::yield();

        BackupRun run;
        run.before = confirmed;
        run.backup = runAdmin(server, {"backup", file, "--json"});
        run.after = confirmed;
        stop = true;
        chat.join();
        if (failure)
            std::rethrow_exception(failure);
        return run;
    }

    static void reportDescribesTheFile(const BackupRun& run, const std::string& file)
    {
        const ToolResult& backup = run.backup;
        CPPUNIT_ASSERT_EQUAL_MESSAGE(backup.describe(), 0, backup.code);
        const Poco::JSON::Object::Ptr report = backup.json();
        CPPUNIT_ASSERT_EQUAL(std::string("ok"), report->getValue<std::string>("integrity"));
        const auto pages = report->getValue<std::int64_t>("pages");
        CPPUNIT_ASSERT_MESSAGE(backup.out, report->getValue<std::int64_t>("steps") >= 2);
        CPPUNIT_ASSERT_EQUAL(pages * report->getValue<std::int64_t>("page_size"), report->getValue<std::int64_t>("bytes"));
        CPPUNIT_ASSERT_EQUAL(static_cast<std::int64_t>(Poco::File(file).getSize()),
                             report->getValue<std::int64_t>("bytes"));
        CPPUNIT_ASSERT_MESSAGE("the server stored nothing while the backup ran", run.after > run.before);
    }

    /// Everything committed before the backup began is in the copy, and it is one snapshot:
    /// no gap in the sequence numbers of the chat that went on.
    static void copyIsOneIntactSnapshot(const std::string& file, std::int64_t earlier, std::int64_t during,
                                        const BackupRun& run)
    {
        Poco::Data::Session copy = store::openDatabase(file);
        std::string check;
        copy << "PRAGMA integrity_check", into(check), now;
        CPPUNIT_ASSERT_EQUAL(std::string("ok"), check);
        CPPUNIT_ASSERT_EQUAL(
            std::int64_t(2),
            ofConversation(copy, "SELECT COUNT(*) FROM messages WHERE conversation_id = ?", earlier));
        const std::int64_t stored =
            ofConversation(copy, "SELECT COUNT(*) FROM messages WHERE conversation_id = ?", during);
        CPPUNIT_ASSERT_MESSAGE(std::to_string(stored) + " of " + std::to_string(run.before) + "…" +
                                   std::to_string(run.after),
                               stored >= run.before && stored <= run.after + 1);
        CPPUNIT_ASSERT_EQUAL(
            stored, ofConversation(copy, "SELECT MAX(seq) FROM messages WHERE conversation_id = ?", during));
        int filled = -1;
        copy << "SELECT COUNT(*) FROM audit_log WHERE action = 'fill'", into(filled), now;
        CPPUNIT_ASSERT_EQUAL(20000, filled);
    }

    /// The tool reads transcripts from the copy as from the live file.
    static void toolReadsTranscriptsFromTheCopy(const std::string& file, std::int64_t earlier)
    {
        const ToolResult restored = runAdminRaw({"-Dringdesk.database.path=" + file, "transcripts", "export",
                                                 std::to_string(earlier)});
        CPPUNIT_ASSERT_EQUAL_MESSAGE(restored.describe(), 0, restored.code);
        CPPUNIT_ASSERT_MESSAGE(restored.out, contains(restored.out, "Alice Archer: Answered before the backup\n"));
    }

    /// The file is there now: kept without --force, replaced with it.
    static void existingFileIsReplacedOnlyWithForce(const ServerProcess& server, const std::string& file)
    {
        const ToolResult again = runAdmin(server, {"backup", file});
        CPPUNIT_ASSERT_EQUAL_MESSAGE(again.describe(), 1, again.code);
        CPPUNIT_ASSERT_MESSAGE(again.describe(), contains(again.err, file + " exists (--force replaces it)"));
        const ToolResult forced = runAdmin(server, {"backup", file, "--force"});
        CPPUNIT_ASSERT_EQUAL_MESSAGE(forced.describe(), 0, forced.code);
        CPPUNIT_ASSERT_MESSAGE(forced.out, contains(forced.out, " pages of ") && contains(forced.out, "integrity_check ok"));
    }

    static void usageAndFailuresAreRefused(const ServerProcess& server, const std::string& file)
    {
        const ToolResult none = runAdmin(server, {"backup"});
        CPPUNIT_ASSERT_EQUAL_MESSAGE(none.describe(), 2, none.code);
        CPPUNIT_ASSERT(contains(none.err, "usage: ringdesk-admin backup FILE [--force]"));
        const ToolResult two = runAdmin(server, {"backup", file, "other.db"});
        CPPUNIT_ASSERT_EQUAL_MESSAGE(two.describe(), 2, two.code);
        const ToolResult noFolder = runAdmin(server, {"backup", server.dataDir() + "/no/such/folder/backup.db"});
        CPPUNIT_ASSERT_EQUAL_MESSAGE(noFolder.describe(), 1, noFolder.code);
        CPPUNIT_ASSERT_MESSAGE(noFolder.describe(), contains(noFolder.err, "does not exist"));
        const ToolResult itself = runAdmin(server, {"backup", server.databasePath(), "--force"});
        CPPUNIT_ASSERT_EQUAL_MESSAGE(itself.describe(), 1, itself.code);
        CPPUNIT_ASSERT_MESSAGE(itself.describe(), contains(itself.err, "is the database itself"));
    }

    /// Each backup is in the audit log, the refused ones too.
    static void everyBackupIsAudited(const ServerProcess& server)
    {
        const Poco::JSON::Array::Ptr audit = runAdmin(server, {"audit", "--limit=5", "--json"}).jsonArray();
        std::vector<std::string> outcomes;
        for (unsigned i = 0; i < audit->size(); ++i)
            if (audit->getObject(i)->getValue<std::string>("action") == "backup")
                outcomes.push_back(audit->getObject(i)->getValue<std::string>("outcome").substr(0, 6));
        const std::vector<std::string> expected{"failed", "failed", "ok", "failed", "ok"};
        CPPUNIT_ASSERT(expected == outcomes);
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(AdminBackupTest);

} // namespace ringdesk::admin_tests
