// The journal's log format (server/app/journal_log.h): sd-daemon(3) priority prefixes, and the
// $JOURNAL_STREAM check that decides whether they are used.
#include "server/app/journal_log.h"

#include <Poco/Environment.h>
#include <Poco/Message.h>

#include <cppunit/extensions/HelperMacros.h>

#include <sys/stat.h>

namespace ringdesk::app {

class JournalLogTest : public CppUnit::TestFixture
{
    CPPUNIT_TEST_SUITE(JournalLogTest);
    CPPUNIT_TEST(testPrioritiesMapToSyslogLevels);
    CPPUNIT_TEST(testLineCarriesPriorityAndSource);
    CPPUNIT_TEST(testJournalStreamMustNameStandardError);
    CPPUNIT_TEST_SUITE_END();

public:
    void tearDown() override { Poco::Environment::set("JOURNAL_STREAM", ""); }

    void testPrioritiesMapToSyslogLevels()
    {
        CPPUNIT_ASSERT_EQUAL(2, syslogPriority(Poco::Message::PRIO_FATAL));
        CPPUNIT_ASSERT_EQUAL(2, syslogPriority(Poco::Message::PRIO_CRITICAL));
        CPPUNIT_ASSERT_EQUAL(3, syslogPriority(Poco::Message::PRIO_ERROR));
        CPPUNIT_ASSERT_EQUAL(4, syslogPriority(Poco::Message::PRIO_WARNING));
        CPPUNIT_ASSERT_EQUAL(5, syslogPriority(Poco::Message::PRIO_NOTICE));
        CPPUNIT_ASSERT_EQUAL(6, syslogPriority(Poco::Message::PRIO_INFORMATION));
        CPPUNIT_ASSERT_EQUAL(7, syslogPriority(Poco::Message::PRIO_DEBUG));
        CPPUNIT_ASSERT_EQUAL(7, syslogPriority(Poco::Message::PRIO_TRACE));
    }

    void testLineCarriesPriorityAndSource()
    {
        JournalFormatter formatter;
        std::string line;
        formatter.format(Poco::Message("ringdesk.server", "stopping", Poco::Message::PRIO_WARNING), line);
        CPPUNIT_ASSERT_EQUAL(std::string("<4>ringdesk.server: stopping"), line);
    }

    void testJournalStreamMustNameStandardError()
    {
        struct stat status {};
        CPPUNIT_ASSERT_EQUAL(0, ::fstat(2, &status));
        const std::string self = std::to_string(status.st_dev) + ":" + std::to_string(status.st_ino);
        Poco::Environment::set("JOURNAL_STREAM", self);
        CPPUNIT_ASSERT(standardErrorIsJournal());
        Poco::Environment::set("JOURNAL_STREAM", std::to_string(status.st_dev) + ":" +
                                                     std::to_string(status.st_ino + 1));
        CPPUNIT_ASSERT(!standardErrorIsJournal());
        Poco::Environment::set("JOURNAL_STREAM", "not-a-stream");
        CPPUNIT_ASSERT(!standardErrorIsJournal());
        Poco::Environment::set("JOURNAL_STREAM", "");
        CPPUNIT_ASSERT(!standardErrorIsJournal());
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(JournalLogTest);

} // namespace ringdesk::app
