#pragma once
// ringdesk-admin, the administrator's command line (docs/admin.md): a POCO Util application
// with subcommands. Exit codes: 0 ok, 1 failure, 2 usage.

#include "admin/admin_context.h"

#include <Poco/Util/Application.h>

#include <string>
#include <vector>

namespace ringdesk::admin {

class AdminApplication final : public Poco::Util::Application
{
public:
    AdminApplication();

protected:
    void defineOptions(Poco::Util::OptionSet& options) override;
    void handleOption(const std::string& name, const std::string& value) override;
    int main(const std::vector<std::string>& arguments) override;

private:
    void showHelp(std::ostream& out) const;
    /// Without --config or --data-dir, an installed tool reads the packaged server's
    /// configuration (RINGDESK_INSTALLED_CONFIG_FILE, /etc/ringdesk/ringdesk.properties in the
    /// Debian package; empty in development builds) when that file exists.
    void loadInstalledConfiguration();
    bool helpRequested_ = false;
    bool configLoaded_ = false;
    CommandOptions options_;
};

/// Runs the tool: option errors are usage errors (exit 2), unlike POCO_APP_MAIN's EXIT_CONFIG.
int runAdminTool(int argc, char** argv);

} // namespace ringdesk::admin
