// store::WalCheckpointer: checkpoints run on its own thread, and the writer takes over only when
// that thread is far behind (here: not running).
#include "server/store/wal_checkpointer.h"

#include "temporary_database.h"

#include <Poco/Data/Session.h>

#include <cppunit/extensions/HelperMacros.h>

#include <chrono>
#include <string>
#include <thread>

namespace ringdesk::store_tests {

using namespace Poco::Data::Keywords;

class WalCheckpointerTest : public CppUnit::TestFixture
{
    CPPUNIT_TEST_SUITE(WalCheckpointerTest);
    CPPUNIT_TEST(testCheckpointsOffTheWriter);
    CPPUNIT_TEST(testWriterTakesOverWhenFarBehind);
    CPPUNIT_TEST_SUITE_END();

public:
    void testCheckpointsOffTheWriter()
    {
        testing::TemporaryDatabase database;
        Poco::Data::Session writer = database.open();
        {
            store::WalCheckpointer checkpointer(writer, database.path(), 64);
            checkpointer.start();
            writePages(writer, 30); // about 4 WAL pages per commit: past 64, far from 4 x 64
            const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
            while (checkpointer.backgroundCheckpoints() == 0 && std::chrono::steady_clock::now() < deadline)
                std::this_thread::sleep_for(std::chrono::milliseconds(10));
            CPPUNIT_ASSERT(checkpointer.backgroundCheckpoints() > 0);
            CPPUNIT_ASSERT_EQUAL(std::uint64_t{0}, checkpointer.writerCheckpoints());
        }
        CPPUNIT_ASSERT_EQUAL(30, rows(database.open()));
    }

    void testWriterTakesOverWhenFarBehind()
    {
        testing::TemporaryDatabase database;
        Poco::Data::Session writer = database.open();
        store::WalCheckpointer checkpointer(writer, database.path(), 2); // never started
        writePages(writer, 80);
        CPPUNIT_ASSERT(checkpointer.writerCheckpoints() > 0);
        CPPUNIT_ASSERT_EQUAL(std::uint64_t{0}, checkpointer.backgroundCheckpoints());
        CPPUNIT_ASSERT_EQUAL(80, rows(database.open()));
    }

private:
    static void writePages(Poco::Data::Session& writer, int commits)
    {
        writer << "CREATE TABLE IF NOT EXISTS blobs (b TEXT NOT NULL)", now;
        const std::string page(4096, 'x');
        for (int i = 0; i < commits; ++i)
            writer << "INSERT INTO blobs (b) VALUES (?)", bind(page), now;
    }

    static int rows(Poco::Data::Session session)
    {
        int count = 0;
        session << "SELECT COUNT(*) FROM blobs", into(count), now;
        return count;
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(WalCheckpointerTest);

} // namespace ringdesk::store_tests
