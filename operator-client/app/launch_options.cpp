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
    std::optional<std::string> serverText; // parsed once --tls is known: it sets the default port
    for (const std::string& arg : args) {
        if (auto server = valueOf(arg, "--server")) {
            serverText = *server;
        } else if (auto ca = valueOf(arg, "--tls-ca")) {
            if (ca->empty())
                throw std::invalid_argument("--tls-ca wants a certificate file");
            options.tlsCaFile = *ca;
            options.tls = true;
        } else if (auto key = valueOf(arg, "--server-key")) {
            if (key->empty())
                throw std::invalid_argument("--server-key wants a public key file");
            options.serverKeyFile = *key;
            options.raw = true;
        } else if (auto port = valueOf(arg, "--http-port")) {
            // A valid port is exactly what a server address with it parses to.
            const auto parsed = parseServerAddress("host:" + *port);
            if (!parsed)
                throw std::invalid_argument("--http-port wants a port 1..65535, got \"" + *port + "\"");
            options.httpPort = parsed->port;
        } else if (arg == "--tls") {
            options.tls = true;
        } else if (arg == "--raw") {
            options.raw = true;
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
    if (serverText) {
        options.server = parseServerAddress(*serverText, options.tls ? kDefaultOperatorTlsPort : kDefaultOperatorPort);
        if (!options.server)
            throw std::invalid_argument("--server wants HOST:PORT, got \"" + *serverText + "\"");
    }
    if (options.autoLogin && (!options.server || options.user.empty() || options.password.empty()))
        throw std::invalid_argument("--auto-login needs --server, --user and --password");
    return options;
}

LoginDetails applyLaunchOptions(LoginDetails details, const LaunchOptions& options)
{
    if (options.server)
        details.server = *options.server;
    if (!options.user.empty())
        details.user = options.user;
    if (!options.password.empty())
        details.password = options.password;
    if (options.tls) {
        details.tls = true;
        if (!options.tlsCaFile.empty())
            details.tlsCaFile = options.tlsCaFile;
    }
    if (options.raw) {
        details.raw = true;
        if (!options.serverKeyFile.empty())
            details.serverKeyFile = options.serverKeyFile;
    }
    if (options.httpPort)
        details.httpPort = *options.httpPort;
    return details;
}

std::string launchOptionsHelp()
{
    return "Usage: ringdesk-operator [options]\n"
           "  --server=HOST:PORT     the server's operator endpoint (fills the login dialog;\n"
           "                         default port 7010, 7020 with --tls)\n"
           "  --tls                  connect with TLS\n"
           "  --tls-ca=FILE          trust the certificates in FILE (e.g. a self-signed server's\n"
           "                         tls_certificate.pem) instead of the system's; implies --tls\n"
           "  --raw                  RSA raw mode: every packet sealed with RSA (spec 1.2)\n"
           "  --server-key=FILE      the server's public key for raw mode (its server_key.pub.pem)\n"
           "                         instead of fetching it over HTTP; implies --raw\n"
           "  --http-port=PORT       the server's HTTP port, where raw mode fetches the key (8080)\n"
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
