#pragma once
// ringdesk-server's command line and life cycle: a POCO ServerApplication
// (initialize / defineOptions / handleOption / main). SIGTERM, SIGINT and SIGQUIT stop the
// server cleanly; SIGHUP re-reads the --config files and applies what is safe to change while
// running (server/app/settings_reload.h). Under systemd, log lines go to the journal with their
// level (server/app/journal_log.h).

#include <Poco/AutoPtr.h>
#include <Poco/Util/LayeredConfiguration.h>
#include <Poco/Util/OptionSet.h>
#include <Poco/Util/ServerApplication.h>

#include <string>
#include <vector>

namespace ringdesk::app {

class RingdeskServer;

class ServerApplication final : public Poco::Util::ServerApplication
{
protected:
    void initialize(Poco::Util::Application& self) override;
    void defineOptions(Poco::Util::OptionSet& options) override;
    void handleOption(const std::string& name, const std::string& value) override;
    int main(const std::vector<std::string>& arguments) override;

private:
    void showHelp();
    void setUpLogging();
    /// Replaces the layer of --config files with a fresh read of them. Throws as
    /// readConfigurationFiles does; the old layer stays in place then.
    void readConfiguration();
    /// SIGHUP: re-reads the files, sets the log level and hands the new settings to `server`.
    /// A file that cannot be read or a setting that is invalid is logged and changes nothing.
    void reload(RingdeskServer& server);

    bool helpRequested_ = false;
    std::vector<std::string> configFiles_;
    Poco::AutoPtr<Poco::Util::LayeredConfiguration> fileLayer_;
};

} // namespace ringdesk::app
