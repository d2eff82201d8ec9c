// readConfigurationFiles (server/app/configuration_files.h): later files win, formats follow
// the extension, missing files and unknown extensions are errors.
#include "server/app/configuration_files.h"

#include <Poco/Exception.h>
#include <Poco/File.h>
#include <Poco/FileStream.h>
#include <Poco/TemporaryFile.h>

#include <cppunit/extensions/HelperMacros.h>

namespace ringdesk::app {
namespace {

/// A file under the temporary folder with `extension`, deleted with the object.
class ConfigurationFile
{
public:
    ConfigurationFile(const std::string& extension, const std::string& text)
        : path_(Poco::TemporaryFile::tempName() + "." + extension)
    {
        Poco::FileOutputStream(path_) << text;
    }
    ~ConfigurationFile() { Poco::File(path_).remove(); }
    const std::string& path() const { return path_; }

private:
    std::string path_;
};

} // namespace

class ConfigurationFilesTest : public CppUnit::TestFixture
{
    CPPUNIT_TEST_SUITE(ConfigurationFilesTest);
    CPPUNIT_TEST(testLaterFileWins);
    CPPUNIT_TEST(testFormatFollowsTheExtension);
    CPPUNIT_TEST(testMissingFileIsAnError);
    CPPUNIT_TEST(testUnknownExtensionIsAnError);
    CPPUNIT_TEST_SUITE_END();

public:
    void testLaterFileWins()
    {
        const ConfigurationFile first("properties", "ringdesk.ring.timeoutMs = 1000\nringdesk.http.port = 9000\n");
        const ConfigurationFile second("properties", "ringdesk.ring.timeoutMs = 2000\n");
        const auto layer = readConfigurationFiles({first.path(), second.path()});
        CPPUNIT_ASSERT_EQUAL(2000, layer->getInt("ringdesk.ring.timeoutMs"));
        CPPUNIT_ASSERT_EQUAL(9000, layer->getInt("ringdesk.http.port"));
    }

    void testFormatFollowsTheExtension()
    {
        const ConfigurationFile ini("ini", "[ringdesk.ring]\ntimeoutMs = 3000\n");
        const ConfigurationFile xml("xml", "<config><ringdesk><http><port>9100</port></http></ringdesk></config>");
        const auto layer = readConfigurationFiles({ini.path(), xml.path()});
        CPPUNIT_ASSERT_EQUAL(3000, layer->getInt("ringdesk.ring.timeoutMs"));
        CPPUNIT_ASSERT_EQUAL(9100, layer->getInt("ringdesk.http.port"));
        CPPUNIT_ASSERT(!readConfigurationFiles({})->has("ringdesk.http.port"));
    }

    void testMissingFileIsAnError()
    {
        CPPUNIT_ASSERT_THROW(readConfigurationFiles({Poco::TemporaryFile::tempName() + ".properties"}),
                             Poco::FileException);
    }

    void testUnknownExtensionIsAnError()
    {
        const ConfigurationFile text("txt", "ringdesk.http.port = 1\n");
        CPPUNIT_ASSERT_THROW(readConfigurationFiles({text.path()}), Poco::InvalidArgumentException);
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(ConfigurationFilesTest);

} // namespace ringdesk::app
