#include "server/app/server_application.h"

#include "server/admin_contract/admin_api_contract.h"
#include "server/app/configuration_files.h"
#include "server/app/journal_log.h"
#include "server/app/ringdesk_server.h"

#include <Poco/AutoPtr.h>
#include <Poco/ConsoleChannel.h>
#include <Poco/FormattingChannel.h>
#include <Poco/PatternFormatter.h>
#include <Poco/Util/HelpFormatter.h>
#include <Poco/Util/Option.h>

#include <csignal>
#include <iostream>

#include <pthread.h>

namespace ringdesk::app {

using Poco::Util::Option;

namespace {

/// The signals the main thread waits for. They are blocked before any thread starts, so every
/// thread inherits the mask and only the sigwait() in main() receives them.
sigset_t controlSignals()
{
    sigset_t signals;
    sigemptyset(&signals);
    for (const int signal : {SIGHUP, SIGINT, SIGQUIT, SIGTERM})
        sigaddset(&signals, signal);
    return signals;
}

const char* const kFileLayerLabel = "ringdesk.configurationFiles";

} // namespace

void ServerApplication::initialize(Poco::Util::Application& self)
{
    const sigset_t signals = controlSignals();
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);
    readConfiguration();
    setUpLogging();
    Poco::Util::ServerApplication::initialize(self);
}

void ServerApplication::setUpLogging()
{
    if (config().has("logging.loggers.root.channel"))
        return; // the configuration sets up POCO's logging itself
    Poco::AutoPtr<Poco::Formatter> format;
    if (standardErrorIsJournal())
        format = new JournalFormatter;
    else
        format = new Poco::PatternFormatter("%Y-%m-%d %H:%M:%S.%i [%p] %s: %t");
    Poco::AutoPtr<Poco::FormattingChannel> channel(new Poco::FormattingChannel(format, new Poco::ConsoleChannel));
    Poco::Logger::root().setChannel(channel);
    Poco::Logger::root().setLevel(config().getString("ringdesk.logLevel", "information"));
}

void ServerApplication::readConfiguration()
{
    Poco::AutoPtr<Poco::Util::LayeredConfiguration> fresh = readConfigurationFiles(configFiles_);
    if (!fileLayer_.isNull())
        config().removeConfiguration(fileLayer_);
    // PRIO_DEFAULT, as loadConfiguration() would: -D and the bound options (the application
    // layer) still win over the files.
    config().add(fresh, kFileLayerLabel, PRIO_DEFAULT);
    fileLayer_ = fresh;
}

void ServerApplication::reload(RingdeskServer& server)
{
    try {
        readConfiguration();
        Poco::Logger::root().setLevel(config().getString("ringdesk.logLevel", "information"));
        server.reload(ServerSettings::load(config()));
    } catch (const Poco::Exception& e) {
        logger().error("reload failed, the settings stay as they were: %s", e.displayText());
    }
}

void ServerApplication::defineOptions(Poco::Util::OptionSet& options)
{
    Poco::Util::ServerApplication::defineOptions(options);
    options.addOption(Option("help", "h", "print this help and exit").repeatable(false));
    options.addOption(Option("config", "c", "load settings from a configuration file (.properties, .ini, .xml)")
                          .argument("FILE").repeatable(true));
    options.addOption(Option("define", "D", "set a setting, e.g. -Dringdesk.ring.timeoutMs=30000")
                          .argument("KEY=VALUE").repeatable(true));
    options.addOption(Option("data-dir", "", "folder for the database and key pair (ringdesk.dataDir, default ./data)")
                          .argument("DIR").binding("ringdesk.dataDir"));
    options.addOption(Option("operator-port", "", "operator (NL chat) TCP port, 0 = any (ringdesk.operator.port, default 7010)")
                          .argument("PORT").binding("ringdesk.operator.port"));
    options.addOption(Option("ims-port", "", "IMS (XML instant messaging) TCP port, 0 = any (ringdesk.ims.port, default 7011)")
                          .argument("PORT").binding("ringdesk.ims.port"));
    options.addOption(Option("http-port", "", "HTTP port: widget, visitor WebSocket, metrics (ringdesk.http.port, default 8080)")
                          .argument("PORT").binding("ringdesk.http.port"));
    options.addOption(Option("admin-port", "", "admin API port on ringdesk.admin.host, 0 = any (ringdesk.admin.port, default 7012)")
                          .argument("PORT").binding(admin_api::config_key::kPort));
    options.addOption(Option("ready-file", "", "write the bound ports as JSON to FILE once listening (ringdesk.readyFile)")
                          .argument("FILE").binding("ringdesk.readyFile"));
    options.addOption(Option("log-level", "", "fatal, critical, error, warning, notice, information, debug, trace")
                          .argument("LEVEL").binding("ringdesk.logLevel"));
}

void ServerApplication::handleOption(const std::string& name, const std::string& value)
{
    Poco::Util::ServerApplication::handleOption(name, value);
    if (name == "help") {
        helpRequested_ = true;
        stopOptionsProcessing();
    } else if (name == "config") {
        configFiles_.push_back(value); // read in initialize(), again at each reload
    } else if (name == "define") {
        const std::string::size_type equals = value.find('=');
        if (equals == std::string::npos)
            config().setString(value, "");
        else
            config().setString(value.substr(0, equals), value.substr(equals + 1));
    }
}

void ServerApplication::showHelp()
{
    Poco::Util::HelpFormatter help(options());
    help.setCommand(commandName());
    help.setUsage("[OPTIONS]");
    help.setHeader("Ringdesk chat server: operators (NL chat protocol), IM clients (IMS XML), visitors (WebSocket widget), "
                   "metrics. Every setting is listed in docs/configuration.md.");
    help.format(std::cout);
}

int ServerApplication::main(const std::vector<std::string>&)
{
    if (helpRequested_) {
        showHelp();
        return Poco::Util::Application::EXIT_OK;
    }
    try {
        if (config().has("ringdesk.logLevel"))
            Poco::Logger::root().setLevel(config().getString("ringdesk.logLevel"));
        RingdeskServer server(ServerSettings::load(config()));
        server.start();
        const sigset_t signals = controlSignals();
        int signal = SIGHUP;
        while (sigwait(&signals, &signal) == 0 && signal == SIGHUP)
            reload(server);
        logger().information("signal %d: stopping", signal);
        server.stop();
    } catch (const Poco::Exception& e) {
        logger().fatal("cannot run: %s", e.displayText());
        return Poco::Util::Application::EXIT_SOFTWARE;
    } catch (const std::exception& e) {
        logger().fatal("cannot run: %s", std::string(e.what()));
        return Poco::Util::Application::EXIT_SOFTWARE;
    }
    return Poco::Util::Application::EXIT_OK;
}

} // namespace ringdesk::app
