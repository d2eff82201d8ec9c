#include "admin/admin_context.h"

#include "server/admin_contract/admin_api_contract.h"
#include "server/store/audit_repository.h"
#include "server/store/database.h"
#include "server/store/password_hash.h"

#include <Poco/DateTimeFormat.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/File.h>
#include <Poco/FileStream.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Timestamp.h>

#include <chrono>
#include <ostream>
#include <sstream>

#include <pwd.h>
#include <unistd.h>

namespace ringdesk::admin {
namespace {

std::string osUserName()
{
    const uid_t uid = ::geteuid();
    if (const passwd* entry = ::getpwuid(uid); entry != nullptr && entry->pw_name != nullptr)
        return entry->pw_name;
    return "uid " + std::to_string(uid);
}

/// The admin port a server started with port 0 wrote to its ready file (docs/configuration.md,
/// ringdesk.readyFile); 0 when there is no such file or it names no admin port.
int portFromReadyFile(const std::string& path)
{
    if (path.empty() || !Poco::File(path).exists())
        return 0;
    try {
        Poco::FileInputStream in(path);
        const Poco::Dynamic::Var ready = Poco::JSON::Parser().parse(in);
        if (ready.type() == typeid(Poco::JSON::Object::Ptr))
            return ready.extract<Poco::JSON::Object::Ptr>()->optValue<int>("admin_port", 0);
    } catch (const Poco::Exception&) {
        // A half-written or foreign file: the port stays unknown and the client says so.
    }
    return 0;
}

} // namespace

AdminContext::AdminContext(const Poco::Util::AbstractConfiguration& config, CommandOptions options,
                           std::ostream& out, std::ostream& err)
    : config_(config), options_(std::move(options)), out_(out), err_(err)
{
    identity_.osUser = osUserName();
    identity_.admin = options_.actAs.empty() ? identity_.osUser : options_.actAs;
}

int AdminContext::kdfIterations() const
{
    if (options_.kdfIterations > 0)
        return options_.kdfIterations;
    return config_.getInt("ringdesk.security.kdfIterations", store::kDefaultKdfIterations);
}

std::int64_t AdminContext::nowMs() const
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

std::string AdminContext::databasePath() const { return store::configuredDatabasePath(config_); }

Poco::Data::Session& AdminContext::database()
{
    if (!database_)
        database_.emplace(store::openDatabase(databasePath()));
    return *database_;
}

AdminClient& AdminContext::server()
{
    if (!server_) {
        admin_api::AdminEndpointConfig endpoint = admin_api::loadAdminEndpointConfig(config_);
        if (endpoint.port == 0)
            endpoint.port = portFromReadyFile(config_.getString("ringdesk.readyFile", ""));
        server_ = std::make_unique<AdminClient>(endpoint, identity_);
    }
    return *server_;
}

void AdminContext::recordAudit(const std::string& action, const Poco::JSON::Object& arguments,
                               const std::string& outcome)
{
    std::ostringstream text;
    arguments.stringify(text);
    store::AuditRepository(database()).record({0, nowMs(), identity_.admin, identity_.osUser,
                                               store::audit_source::kCli, action, text.str(), outcome});
}

void AdminContext::rollback()
{
    if (database_ && database_->isTransaction())
        database_->rollback();
}

void AdminContext::recordRefusal(const std::string& action, const Poco::JSON::Object& arguments,
                                 const std::string& message)
{
    rollback();
    recordAudit(action, arguments, "failed: " + message);
}

std::optional<Poco::JSON::Object::Ptr> AdminContext::applyOnServer(const Poco::JSON::Object& body)
{
    try {
        return server().post(admin_api::path::kApply, body);
    } catch (const ServerUnreachable& e) {
        err_ << "note: " << e.what() << "\n"
             << "note: the change is stored; the server applies it when it runs (at the next login or visit)\n";
        return std::nullopt;
    } catch (const CommandFailed& e) {
        throw CommandFailed(std::string("the change is stored in the database, but the running server did not "
                                        "apply it to live sessions: ") +
                            e.what());
    }
}

void printJson(std::ostream& out, const Poco::JSON::Object& object)
{
    object.stringify(out);
    out << "\n";
}

std::string formatTime(std::int64_t ms)
{
    return Poco::DateTimeFormatter::format(Poco::Timestamp(ms * 1000), Poco::DateTimeFormat::ISO8601_FORMAT);
}

} // namespace ringdesk::admin
