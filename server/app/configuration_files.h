#pragma once
// The configuration files given with --config, read into one layer that a reload can replace.

#include <Poco/AutoPtr.h>
#include <Poco/Util/LayeredConfiguration.h>

#include <string>
#include <vector>

namespace ringdesk::app {

/// Reads `paths` in order, a later file's keys over an earlier file's. The format follows the
/// extension as in Poco::Util::Application::loadConfiguration: .properties, .ini, .xml, .json.
/// Throws Poco::FileNotFoundException / Poco::SyntaxException naming the file when one is
/// missing or malformed, and Poco::InvalidArgumentException for another extension.
Poco::AutoPtr<Poco::Util::LayeredConfiguration> readConfigurationFiles(const std::vector<std::string>& paths);

} // namespace ringdesk::app
