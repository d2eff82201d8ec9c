#include "operator-client/app/launch_options.h"

#include <stdexcept>
#include <string_view>

namespace ringdesk::operator_app {
namespace {

/// For "--name=value" returns value when the option is `name`; std::nullopt otherwise.
std::optional<std::string> valueOf(std::string_view arg, std::string_view name)
{
    if (arg.size() <= name.size() || arg.substr(0, name.size()) != name || arg[name.size()] != '=')
        return std::nullopt;
    return std::string(arg.substr(name.size() + 1));
}

} // namespace

LaunchOptions parseLaunchOptions(const std::vector<std::string>& args)
{
    LaunchOptions options;
    for (const std::string& arg : args) {
        if (auto server = valueOf(arg, "--server")) {
            options.server = parseServerAddress(*server);
            if (!options.server)
                throw std::invalid_argument("--server wants HOST:PORT, got \"" + *server + "\"");
        } else if (auto user = valueOf(arg, "--user")) {
            options.user = *user;
        } else if (auto password = valueOf(arg, "--password")) {
            options.password = *password;
        } else if (auto reply = valueOf(arg, "--auto-reply")) {
            if (reply->empty())
                throw std::invalid_argument("--auto-reply wants a text");
            options.autoReply = *reply;
            options.trace = true;
        } else if (auto dir = valueOf(arg, "--screenshot-dir")) {
            options.screenshotDir = *dir;
            options.trace = true;
        } else if (auto config = valueOf(arg, "--config-file")) {
            options.configFile = *config;
        } else if (arg == "--auto-login") {
            options.autoLogin = true;
        } else if (arg == "--auto-accept-ring") {
            options.autoAcceptRing = true;
            options.trace = true;
        } else if (arg == "--trace") {
            options.trace = true;
        } else {
            throw std::invalid_argument("unknown option \"" + arg + "\" (see --help)");
        }
    }
    if (options.autoLogin && (!options.server || options.user.empty() || options.password.empty()))
        throw std::invalid_argument("--auto-login needs --server, --user and --password");
    return options;
}

std::string launchOptionsHelp()
{
    return "Usage: ringdesk-operator [options]\n"
           "  --server=HOST:PORT     the server's operator endpoint (fills the login dialog)\n"
           "  --user=NAME            the operator's user name\n"
           "  --password=SECRET      the password (never remembered)\n"
           "  --auto-login           log in without showing the login dialog\n"
           "  --config-file=PATH     remember settings in PATH instead of the user's configuration\n"
           "  --trace                print shown rings, messages and states to standard output\n"
           "Test automation (tests/gui):\n"
           "  --auto-accept-ring     accept the first ring shown\n"
           "  --auto-reply=TEXT      answer the first visitor message of each chat with TEXT\n"
           "  --screenshot-dir=DIR   save PNG captures of the main window in DIR\n";
}

} // namespace ringdesk::operator_app
