#pragma once
// The command line of ringdesk-operator (docs/operator-app.md, "Command line"). Everything is
// optional: without options the app shows its login dialog. The automation options exist for
// the GUI test (tests/gui/): they drive the same handlers the buttons call.

#include "operator-client/app/login_details.h"
#include "operator-client/app/server_address.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ringdesk::operator_app {

struct LaunchOptions
{
    /// --server=HOST:PORT: fills the login dialog (overrides the remembered server). Without
    /// a port: kDefaultOperatorTlsPort with --tls, kDefaultOperatorPort otherwise.
    std::optional<ServerAddress> server;
    /// --tls: connect with TLS (ticks "Use TLS"). --tls-ca=FILE: trust the certificates in
    /// FILE instead of the system's authorities (a self-signed server's certificate); implies
    /// --tls.
    bool tls = false;
    std::string tlsCaFile;
    /// --raw: RSA raw mode (spec 1.2). --server-key=FILE: the server's public key (PEM) for
    /// it, instead of fetching it from the server's HTTP port; implies --raw.
    bool raw = false;
    std::string serverKeyFile;
    /// --http-port=PORT: the server's HTTP port, where raw mode fetches its key (default 8080).
    std::optional<std::uint16_t> httpPort;
    /// --user=NAME and --password=SECRET: fill the login dialog. The password given here is
    /// never written to the configuration.
    std::string user;
    std::string password;
    /// --auto-login: log in with --server/--user/--password without showing the dialog.
    bool autoLogin = false;
    /// --auto-accept-ring: accept the first ring shown, through the ring list's Accept path.
    bool autoAcceptRing = false;
    /// --auto-reply=TEXT: answer the first visitor message of each chat with TEXT, through the
    /// chat tab's send path, and each colleague's first team message that did not wait on the
    /// server while offline, through the team tab's send path (the tab is selected first).
    std::string autoReply;
    /// --screenshot-dir=DIR: save PNG captures of the main window there when a ring is shown,
    /// when a chat opens, after each visitor or team message shown and after each automatic
    /// team reply.
    std::string screenshotDir;
    /// --trace: write one line per shown ring, message and state change to standard output
    /// (set by any automation option too), so that a test can follow the app.
    bool trace = false;
    /// --config-file=PATH: keep the remembered settings in PATH instead of the user's default
    /// configuration (tests use a temporary file so they never touch the user's settings).
    std::string configFile;
};

/// Parses `args` (without the program name). Throws std::invalid_argument naming the first
/// unknown option, an option missing its value, an unusable --server or --http-port; also
/// when --auto-login lacks --server, --user or --password.
LaunchOptions parseLaunchOptions(const std::vector<std::string>& args);

/// `details` (remembered or default) with what `options` set on the command line applied:
/// server, user, password, TLS and raw mode choices (options only switch TLS and raw mode on).
LoginDetails applyLaunchOptions(LoginDetails details, const LaunchOptions& options);

/// One line per option, for --help.
std::string launchOptionsHelp();

} // namespace ringdesk::operator_app
