#include "server/app/configuration_files.h"

#include <Poco/Exception.h>
#include <Poco/Path.h>
#include <Poco/String.h>
#include <Poco/Util/IniFileConfiguration.h>
#include <Poco/Util/JSONConfiguration.h>
#include <Poco/Util/PropertyFileConfiguration.h>
#include <Poco/Util/XMLConfiguration.h>

namespace ringdesk::app {
namespace {

Poco::Util::AbstractConfiguration::Ptr readFile(const std::string& path)
{
    const std::string extension = Poco::toLower(Poco::Path(path).getExtension());
    if (extension == "properties")
        return new Poco::Util::PropertyFileConfiguration(path);
    if (extension == "ini")
        return new Poco::Util::IniFileConfiguration(path);
    if (extension == "xml")
        return new Poco::Util::XMLConfiguration(path);
    if (extension == "json")
        return new Poco::Util::JSONConfiguration(path);
    throw Poco::InvalidArgumentException("configuration file " + path +
                                         ": the extension must be .properties, .ini, .xml or .json");
}

} // namespace

Poco::AutoPtr<Poco::Util::LayeredConfiguration> readConfigurationFiles(const std::vector<std::string>& paths)
{
    Poco::AutoPtr<Poco::Util::LayeredConfiguration> layer(new Poco::Util::LayeredConfiguration);
    // A lower priority number is searched first, so the last file is given the lowest.
    int priority = static_cast<int>(paths.size());
    for (const std::string& path : paths)
        layer->add(readFile(path), path, priority--);
    return layer;
}

} // namespace ringdesk::app
