// planReload (server/app/settings_reload.h): which settings a SIGHUP changes at once and which
// wait for a restart.
#include "server/app/settings_reload.h"

#include <Poco/AutoPtr.h>
#include <Poco/Util/MapConfiguration.h>

#include <cppunit/extensions/HelperMacros.h>

#include <algorithm>

namespace ringdesk::app {
namespace {

ServerSettings settingsWith(const std::vector<std::pair<std::string, std::string>>& values)
{
    Poco::AutoPtr<Poco::Util::MapConfiguration> config(new Poco::Util::MapConfiguration);
    for (const auto& [key, value] : values)
        config->setString(key, value);
    return ServerSettings::load(*config);
}

bool has(const std::vector<std::string>& lines, const std::string& line)
{
    return std::find(lines.begin(), lines.end(), line) != lines.end();
}

} // namespace

class SettingsReloadTest : public CppUnit::TestFixture
{
    CPPUNIT_TEST_SUITE(SettingsReloadTest);
    CPPUNIT_TEST(testSameSettingsChangeNothing);
    CPPUNIT_TEST(testCoreRulesAreApplied);
    CPPUNIT_TEST(testBoundSettingsWaitForARestart);
    CPPUNIT_TEST(testAnonymousOperatorsWaitForARestart);
    CPPUNIT_TEST_SUITE_END();

public:
    void testSameSettingsChangeNothing()
    {
        const ServerSettings current = settingsWith({});
        const SettingsReload plan = planReload(current, settingsWith({}));
        CPPUNIT_ASSERT(plan.applied.empty());
        CPPUNIT_ASSERT(plan.needRestart.empty());
        CPPUNIT_ASSERT(plan.next.describe() == current.describe());
    }

    void testCoreRulesAreApplied()
    {
        const SettingsReload plan = planReload(
            settingsWith({}), settingsWith({{"ringdesk.ring.timeoutMs", "30000"},
                                            {"ringdesk.chat.maxPerOperator", "7"},
                                            {"ringdesk.presence.graceMs", "90000"},
                                            {"ringdesk.ims.aliveTimeoutMs", "20000"},
                                            {"ringdesk.chat.storeTranscripts", "false"}}));
        CPPUNIT_ASSERT_EQUAL(std::size_t(5), plan.applied.size());
        CPPUNIT_ASSERT(has(plan.applied, "ringdesk.ring.timeoutMs = 30000 ms"));
        CPPUNIT_ASSERT(has(plan.applied, "ringdesk.chat.maxPerOperator = 7"));
        CPPUNIT_ASSERT(plan.needRestart.empty());
        CPPUNIT_ASSERT_EQUAL(std::size_t(7), plan.next.core.maxChatsPerOperator);
        CPPUNIT_ASSERT_EQUAL(std::int64_t(20000), static_cast<std::int64_t>(plan.next.im.aliveTimeout.count()));
        CPPUNIT_ASSERT(!plan.next.core.storeTranscripts);
    }

    void testBoundSettingsWaitForARestart()
    {
        const ServerSettings current = settingsWith({});
        const SettingsReload plan = planReload(
            current, settingsWith({{"ringdesk.http.port", "9090"},
                                   {"ringdesk.operator.maxConnections", "5"},
                                   {"ringdesk.ring.offerMs", "40000"}}));
        CPPUNIT_ASSERT_EQUAL(std::size_t(1), plan.applied.size());
        CPPUNIT_ASSERT(has(plan.applied, "ringdesk.ring.offerMs = 40000 ms"));
        CPPUNIT_ASSERT(has(plan.needRestart, "ringdesk.http = 0.0.0.0:9090"));
        CPPUNIT_ASSERT(has(plan.needRestart, "ringdesk.operator.maxConnections = 5"));
        CPPUNIT_ASSERT_EQUAL(current.httpEndpoint.port, plan.next.httpEndpoint.port);
        CPPUNIT_ASSERT_EQUAL(current.operatorMaxConnections, plan.next.operatorMaxConnections);
    }

    void testAnonymousOperatorsWaitForARestart()
    {
        const SettingsReload plan =
            planReload(settingsWith({}), settingsWith({{"ringdesk.operator.allowAnonymous", "true"}}));
        CPPUNIT_ASSERT(plan.applied.empty());
        CPPUNIT_ASSERT(has(plan.needRestart, "ringdesk.operator.allowAnonymous = true"));
        CPPUNIT_ASSERT(!plan.next.core.allowAnonymousOperators);
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(SettingsReloadTest);

} // namespace ringdesk::app
