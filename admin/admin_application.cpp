#include "admin/admin_application.h"

#include "admin/user_commands.h"
#include "server/store/database.h"
#include "server/store/password_hash.h"

#include <Poco/Exception.h>
#include <Poco/NumberParser.h>
#include <Poco/Util/HelpFormatter.h>
#include <Poco/Util/Option.h>
#include <Poco/Util/OptionSet.h>

#include <iostream>

namespace ringdesk::admin {

using Poco::Util::Option;

void AdminApplication::defineOptions(Poco::Util::OptionSet& options)
{
    Poco::Util::Application::defineOptions(options);
    options.addOption(Option("help", "h", "print this help and exit"));
    options.addOption(Option("config", "c", "the server's configuration file").argument("FILE"));
    options.addOption(Option("data-dir", "", "the server's data folder (ringdesk.dataDir)")
                          .argument("DIR").binding("ringdesk.dataDir"));
    options.addOption(Option("json", "", "print JSON instead of tables"));
    options.addOption(Option("password", "", "the password (default: read a line from standard input)").argument("P"));
    options.addOption(Option("display-name", "", "the name visitors and colleagues see").argument("NAME"));
    options.addOption(Option("role", "", "operator or admin (default operator)").argument("ROLE"));
    options.addOption(Option("kdf-iterations", "", "PBKDF2 iterations for a new password hash").argument("N"));
}

void AdminApplication::handleOption(const std::string& name, const std::string& value)
{
    Poco::Util::Application::handleOption(name, value);
    if (name == "help") {
        helpRequested_ = true;
        stopOptionsProcessing();
    } else if (name == "config") {
        loadConfiguration(value);
    } else if (name == "json") {
        options_.json = true;
    } else if (name == "password") {
        options_.password = value;
        options_.passwordGiven = true;
    } else if (name == "display-name") {
        options_.displayName = value;
    } else if (name == "role") {
        options_.role = value;
    } else if (name == "kdf-iterations") {
        options_.kdfIterations = Poco::NumberParser::parse(value);
    }
}

void AdminApplication::showHelp() const
{
    Poco::Util::HelpFormatter help(options());
    help.setCommand(commandName());
    help.setUsage("[OPTIONS] COMMAND ...");
    help.setHeader("Ringdesk administration.\n"
                   "Commands:\n"
                   "  user add NAME [--password=P] [--display-name=D] [--role=operator|admin]\n"
                   "  user list [--json]\n"
                   "  user passwd NAME [--password=P]\n");
    help.format(std::cout);
}

int AdminApplication::main(const std::vector<std::string>& arguments)
{
    if (helpRequested_) {
        showHelp();
        return kExitOk;
    }
    if (arguments.empty()) {
        showHelp();
        return kExitUsage;
    }
    try {
        Poco::Data::Session session = store::openDatabase(store::configuredDatabasePath(config()));
        const int iterations = config().getInt("ringdesk.security.kdfIterations", store::kDefaultKdfIterations);
        const std::vector<std::string> rest(arguments.begin() + 1, arguments.end());
        if (arguments[0] == "user")
            return runUserCommand(session, rest, options_, iterations, std::cout, std::cerr);
        std::cerr << "unknown command '" << arguments[0] << "' (see --help)\n";
        return kExitUsage;
    } catch (const Poco::Exception& e) {
        std::cerr << "ringdesk-admin: " << e.displayText() << "\n";
        return kExitFailure;
    } catch (const std::exception& e) {
        std::cerr << "ringdesk-admin: " << e.what() << "\n";
        return kExitFailure;
    }
}

} // namespace ringdesk::admin
