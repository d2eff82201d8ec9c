#include "admin/admin_application.h"

#include "admin/audit_commands.h"
#include "admin/backup_command.h"
#include "admin/ban_commands.h"
#include "admin/live_commands.h"
#include "admin/transcript_commands.h"
#include "admin/user_commands.h"
#include "admin/visitor_commands.h"
#include "server/admin_contract/admin_api_contract.h"

#include <Poco/AutoPtr.h>
#include <Poco/Exception.h>
#include <Poco/File.h>
#include <Poco/NumberParser.h>
#include <Poco/Util/HelpFormatter.h>
#include <Poco/Util/Option.h>
#include <Poco/Util/OptionSet.h>

#include <iostream>

namespace ringdesk::admin {

using Poco::Util::Option;

AdminApplication::AdminApplication()
{
    // Arguments like "--reason TEXT" are parsed by POCO; the commands' words stay in order.
    setUnixOptions(true);
}

void AdminApplication::defineOptions(Poco::Util::OptionSet& options)
{
    Poco::Util::Application::defineOptions(options);
    options.addOption(Option("help", "h", "print this help and exit"));
    options.addOption(Option("config", "c", "the server's configuration file").argument("FILE").repeatable(true));
    options.addOption(Option("define", "D", "set a setting, e.g. -Dringdesk.admin.port=7012")
                          .argument("KEY=VALUE").repeatable(true));
    options.addOption(Option("data-dir", "", "the server's data folder (ringdesk.dataDir)")
                          .argument("DIR").binding("ringdesk.dataDir"));
    options.addOption(Option("admin-host", "", "the admin API's host (ringdesk.admin.host, default 127.0.0.1)")
                          .argument("HOST").binding(admin_api::config_key::kHost));
    options.addOption(Option("admin-port", "", "the admin API's port (ringdesk.admin.port, default 7012)")
                          .argument("PORT").binding(admin_api::config_key::kPort));
    options.addOption(Option("token-file", "", "the admin token file (ringdesk.admin.tokenFile, default <data-dir>/admin.token)")
                          .argument("FILE").binding(admin_api::config_key::kTokenFile));
    options.addOption(Option("json", "", "print JSON instead of tables"));
    options.addOption(Option("as", "", "the admin name recorded in the audit log (default: your OS user); "
                                       "with audit: only that admin's rows").argument("NAME"));
    options.addOption(Option("password", "", "the password (default: read a line from standard input)").argument("P"));
    options.addOption(Option("display-name", "", "the name visitors and colleagues see").argument("NAME"));
    options.addOption(Option("role", "", "operator or admin (default operator)").argument("ROLE"));
    options.addOption(Option("kdf-iterations", "", "PBKDF2 iterations for a new password hash").argument("N"));
    options.addOption(Option("reason", "", "why (ban, logout); shown to the user and recorded").argument("TEXT"));
    options.addOption(Option("for", "", "ban duration: 30s, 15m, 2h, 7d, 1w (default: until lifted)").argument("DURATION"));
    options.addOption(Option("all", "", "bans: also lifted and expired bans"));
    options.addOption(Option("visitors", "", "sessions: also list visitor connections"));
    options.addOption(Option("limit", "", "audit, transcripts list: how many rows (default 50)").argument("N"));
    options.addOption(Option("visitor", "", "transcripts list: only this visitor's conversations").argument("ID"));
    options.addOption(Option("operator", "", "transcripts list: only conversations this account took").argument("NAME"));
    options.addOption(Option("since", "", "transcripts list: only conversations started then or later "
                                          "(2026-12-01, 2026-12-01T09:30:00; UTC unless a zone follows)")
                          .argument("DATE"));
    options.addOption(Option("format", "", "transcripts export: txt (default) or json").argument("FORMAT"));
    options.addOption(Option("force", "", "backup: replace an existing file"));
}

void AdminApplication::handleOption(const std::string& name, const std::string& value)
{
    Poco::Util::Application::handleOption(name, value);
    if (name == "help") {
        helpRequested_ = true;
        stopOptionsProcessing();
    } else if (name == "config") {
        configLoaded_ = true;
        loadConfiguration(value);
    } else if (name == "define") {
        const std::string::size_type equals = value.find('=');
        config().setString(value.substr(0, equals), equals == std::string::npos ? "" : value.substr(equals + 1));
    } else if (name == "json") {
        options_.json = true;
    } else if (name == "as") {
        options_.actAs = value;
    } else if (name == "password") {
        options_.password = value;
        options_.passwordGiven = true;
    } else if (name == "display-name") {
        options_.displayName = value;
    } else if (name == "role") {
        options_.role = value;
    } else if (name == "kdf-iterations") {
        options_.kdfIterations = Poco::NumberParser::parse(value);
    } else if (name == "reason") {
        options_.reason = value;
    } else if (name == "for") {
        options_.duration = value;
    } else if (name == "all") {
        options_.all = true;
    } else if (name == "visitors") {
        options_.visitors = true;
    } else if (name == "limit") {
        options_.limit = Poco::NumberParser::parse(value);
    } else if (name == "visitor") {
        options_.visitor = value;
    } else if (name == "operator") {
        options_.operatorName = value;
    } else if (name == "since") {
        options_.since = value;
    } else if (name == "format") {
        options_.format = value;
    } else if (name == "force") {
        options_.force = true;
    }
}

void AdminApplication::showHelp(std::ostream& out) const
{
    Poco::Util::HelpFormatter help(options());
    help.setCommand(commandName());
    help.setUsage("[OPTIONS] COMMAND ...");
    help.setHeader("Ringdesk administration (docs/admin.md).\n"
                   "Commands (database; work while the server is down, a running server applies them at once):\n"
                   "  user add NAME [--password=P] [--display-name=D] [--role=operator|admin]\n"
                   "  user list | show NAME | passwd NAME | set-role NAME ROLE | delete NAME\n"
                   "  user import FILE          lines: username,password[,display name[,role]]\n"
                   "  ban user NAME [--reason=T] [--for=D]     unban user NAME\n"
                   "  ban visitor ID|IP|CIDR [--reason=T] [--for=D]     unban visitor ID|IP|CIDR\n"
                   "  bans [--all]              active bans (--all: also lifted and expired)\n"
                   "  audit [--limit=N] [--as=ADMIN]\n"
                   "  transcripts list [--visitor=ID] [--operator=NAME] [--since=DATE] [--limit=N]\n"
                   "  transcripts show ID | export ID [--format=txt|json]\n"
                   "  visitor forget ID         deletes the visitor's conversations, messages and left messages\n"
                   "  backup FILE [--force]     a checked copy of the live database\n"
                   "Commands (the running server's admin API):\n"
                   "  logout NAME [--reason=T]  ends every session of the user at once\n"
                   "  sessions [--visitors]     who is connected (--visitors: visitor sockets too)\n"
                   "  rings                     open rings and waiting visitors\n"
                   "Exit codes: 0 ok, 1 failure, 2 usage.\n"
                   "Options:");
    help.format(out);
}

void AdminApplication::loadInstalledConfiguration()
{
    const std::string path = RINGDESK_INSTALLED_CONFIG_FILE;
    if (configLoaded_ || path.empty() || config().has("ringdesk.dataDir") || !Poco::File(path).exists())
        return;
    loadConfiguration(path);
}

int AdminApplication::main(const std::vector<std::string>& arguments)
{
    if (helpRequested_) {
        showHelp(std::cout);
        return kExitOk;
    }
    if (arguments.empty()) {
        showHelp(std::cerr);
        return kExitUsage;
    }
    loadInstalledConfiguration();
    AdminContext context(config(), options_, std::cout, std::cerr);
    const std::string& command = arguments[0];
    const std::vector<std::string> rest(arguments.begin() + 1, arguments.end());
    try {
        if (command == "user")
            runUserCommand(context, rest);
        else if (command == "ban")
            runBanCommand(context, rest);
        else if (command == "unban")
            runUnbanCommand(context, rest);
        else if (command == "bans")
            runBansCommand(context, rest);
        else if (command == "logout")
            runLogoutCommand(context, rest);
        else if (command == "sessions")
            runSessionsCommand(context, rest);
        else if (command == "rings")
            runRingsCommand(context, rest);
        else if (command == "audit")
            runAuditCommand(context, rest);
        else if (command == "transcripts")
            runTranscriptsCommand(context, rest);
        else if (command == "visitor")
            runVisitorCommand(context, rest);
        else if (command == "backup")
            runBackupCommand(context, rest);
        else
            throw UsageError("unknown command '" + command + "' (see --help)");
        return kExitOk;
    } catch (const UsageError& e) {
        std::cerr << e.what() << "\n";
        return kExitUsage;
    } catch (const CommandFailed& e) {
        std::cerr << "ringdesk-admin: " << e.what() << "\n";
        return kExitFailure;
    } catch (const Poco::Exception& e) {
        std::cerr << "ringdesk-admin: " << e.displayText() << "\n";
        return kExitFailure;
    } catch (const std::exception& e) {
        std::cerr << "ringdesk-admin: " << e.what() << "\n";
        return kExitFailure;
    }
}

int runAdminTool(int argc, char** argv)
{
    Poco::AutoPtr<AdminApplication> application = new AdminApplication;
    try {
        application->init(argc, argv);
    } catch (const Poco::Exception& e) {
        std::cerr << "ringdesk-admin: " << e.displayText() << " (see --help)\n";
        return kExitUsage;
    }
    return application->run();
}

} // namespace ringdesk::admin
