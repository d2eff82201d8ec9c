#pragma once
// ringdesk-admin, the administrator's command line (docs/admin.md): a POCO Util application
// with subcommands. Exit codes: 0 ok, 1 failure, 2 usage.

#include <Poco/Util/Application.h>

#include <string>
#include <vector>

namespace ringdesk::admin {

inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;
inline constexpr int kExitUsage = 2;

/// Options shared by the subcommands.
struct CommandOptions
{
    bool json = false;
    std::string password;        // --password; empty: read from standard input
    bool passwordGiven = false;
    std::string displayName;     // --display-name
    std::string role = "operator";
    int kdfIterations = 0;       // --kdf-iterations; 0: the configured default
};

class AdminApplication final : public Poco::Util::Application
{
protected:
    void defineOptions(Poco::Util::OptionSet& options) override;
    void handleOption(const std::string& name, const std::string& value) override;
    int main(const std::vector<std::string>& arguments) override;

private:
    void showHelp() const;
    bool helpRequested_ = false;
    CommandOptions options_;
};

} // namespace ringdesk::admin
