// admin::backupDatabase on temporary files: a copy taken one page per step while another
// connection commits all the time is complete and consistent (SQLite would restart a stepped
// backup at every such commit, forever, without the snapshot the copy holds); an existing
// target is kept unless replacing is asked for; failures leave no partial file.
#include "admin/sqlite_backup.h"
#include "server/store/audit_repository.h"
#include "tests/store/temporary_database.h"

#include <Poco/File.h>
#include <Poco/FileStream.h>
#include <Poco/Path.h>
#include <Poco/TemporaryFile.h>

#include <cppunit/extensions/HelperMacros.h>

#include <atomic>
#include <thread>

namespace ringdesk::admin_tests {
namespace {

using namespace Poco::Data::Keywords;

/// Appends audit rows, each in its own transaction, until told to stop.
class Writer
{
public:
    explicit Writer(const std::string& path)
        : session_(store::openDatabase(path)), thread_([this] {
              while (!stop_) {
                  store::AuditRepository(session_).record({0, 1, "writer", "", store::audit_source::kCli,
                                                           "test", "{}", "ok"});
                  ++committed_;
              }
          })
    {
    }
    ~Writer() { stop(); }

    /// Rows committed so far.
    std::int64_t committed() const { return committed_; }
    void stop()
    {
        stop_ = true;
        if (thread_.joinable())
            thread_.join();
    }

private:
    Poco::Data::Session session_;
    std::atomic<bool> stop_{false};
    std::atomic<std::int64_t> committed_{0};
    std::thread thread_;
};

void fill(Poco::Data::Session& session, int rows)
{
    store::AuditRepository audit(session);
    session.begin();
    for (int i = 0; i < rows; ++i)
        audit.record({0, 1, "filler", "", store::audit_source::kCli, "fill", "{\"row\":" + std::to_string(i) + "}",
                      "ok: " + std::string(100, 'x')});
    session.commit();
}

int number(Poco::Data::Session& session, const std::string& sql)
{
    int value = -1;
    session << sql, into(value), now;
    return value;
}

std::vector<std::string> filesIn(const std::string& folder)
{
    std::vector<std::string> names;
    Poco::File(folder).list(names);
    return names;
}

} // namespace

class SqliteBackupTest : public CppUnit::TestFixture
{
    CPPUNIT_TEST_SUITE(SqliteBackupTest);
    CPPUNIT_TEST(testCopyWhileAnotherConnectionCommits);
    CPPUNIT_TEST(testExistingTargetIsKeptUnlessReplaced);
    CPPUNIT_TEST(testFailuresLeaveNoPartialFile);
    CPPUNIT_TEST_SUITE_END();

public:
    void setUp() override
    {
        folder_ = std::make_unique<Poco::TemporaryFile>();
        folder_->createDirectories();
    }

    void tearDown() override { folder_.reset(); }

    void testCopyWhileAnotherConnectionCommits()
    {
        testing::TemporaryDatabase database;
        {
            Poco::Data::Session session = database.open();
            fill(session, 3000); // some hundred pages: hundreds of steps below
        }
        Writer writer(database.path());
        while (writer.committed() < 10)
            std::this_thread::yield(); // it commits all the time from here on
        const std::int64_t before = writer.committed();

        admin::BackupOptions options;
        options.pagesPerStep = 1;
        options.busyPause = std::chrono::milliseconds(1);
        const admin::BackupResult result = admin::backupDatabase(database.path(), target(), options);
        const std::int64_t after = writer.committed();
        writer.stop();

        CPPUNIT_ASSERT_MESSAGE(std::to_string(result.pages), result.pages > 100);
        CPPUNIT_ASSERT_EQUAL(result.pages, result.steps); // one page per step, never restarted
        CPPUNIT_ASSERT_EQUAL(result.pages * result.pageSize, result.bytes);
        CPPUNIT_ASSERT_MESSAGE("the writer did not commit while the copy ran", after > before);
        Poco::Data::Session copy = store::openDatabase(target());
        std::string check;
        copy << "PRAGMA integrity_check", into(check), now;
        CPPUNIT_ASSERT_EQUAL(std::string("ok"), check);
        CPPUNIT_ASSERT_EQUAL(3000, number(copy, "SELECT COUNT(*) FROM audit_log WHERE action = 'fill'"));
        // One snapshot: every row the writer had committed when the copy began, and no gaps.
        const int written = number(copy, "SELECT COUNT(*) FROM audit_log WHERE action = 'test'");
        CPPUNIT_ASSERT_MESSAGE(std::to_string(written), written >= before && written <= after);
        CPPUNIT_ASSERT_EQUAL(3000 + written, number(copy, "SELECT MAX(id) FROM audit_log"));
    }

    void testExistingTargetIsKeptUnlessReplaced()
    {
        testing::TemporaryDatabase database;
        {
            Poco::Data::Session session = database.open();
            fill(session, 10);
        }
        {
            Poco::FileOutputStream out(target());
            out << "an older backup";
        }
        CPPUNIT_ASSERT_THROW(admin::backupDatabase(database.path(), target(), {}), admin::BackupTargetExists);
        CPPUNIT_ASSERT_EQUAL(Poco::File::FileSize(15), Poco::File(target()).getSize());
        CPPUNIT_ASSERT(filesIn(folder_->path()) == std::vector<std::string>{"copy.db"});

        admin::BackupOptions replace;
        replace.replace = true;
        admin::backupDatabase(database.path(), target(), replace);
        Poco::Data::Session copy = store::openDatabase(target());
        CPPUNIT_ASSERT_EQUAL(10, number(copy, "SELECT COUNT(*) FROM audit_log"));
    }

    void testFailuresLeaveNoPartialFile()
    {
        testing::TemporaryDatabase database;
        {
            Poco::Data::Session session = database.open();
        }
        const std::string missing = Poco::Path(folder_->path(), "missing.db").toString();
        CPPUNIT_ASSERT_THROW(admin::backupDatabase(missing, target(), {}), admin::BackupError);
        CPPUNIT_ASSERT_THROW(admin::backupDatabase(database.path(), folder_->path() + "/no/such/folder.db", {}),
                             admin::BackupError);
        admin::BackupOptions replace;
        replace.replace = true;
        CPPUNIT_ASSERT_THROW(admin::backupDatabase(database.path(), database.path(), replace), admin::BackupError);
        CPPUNIT_ASSERT_THROW(admin::backupDatabase(database.path(), folder_->path(), replace), admin::BackupError);
        admin::BackupOptions noSteps;
        noSteps.pagesPerStep = 0;
        CPPUNIT_ASSERT_THROW(admin::backupDatabase(database.path(), target(), noSteps), std::invalid_argument);
        CPPUNIT_ASSERT(filesIn(folder_->path()).empty());
    }

private:
    std::string target() const { return Poco::Path(folder_->path(), "copy.db").toString(); }

    std::unique_ptr<Poco::TemporaryFile> folder_;
};

CPPUNIT_TEST_SUITE_REGISTRATION(SqliteBackupTest);

} // namespace ringdesk::admin_tests
