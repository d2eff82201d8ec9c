#include "server/admin_api/admin_actions.h"

#include "server/admin_api/core_call.h"
#include "server/admin_contract/admin_api_contract.h"
#include "server/store/audit_repository.h"
#include "server/store/ban_repository.h"
#include "server/store/database.h"
#include "server/store/user_repository.h"

#include <Poco/Logger.h>
#include <Poco/Net/HTTPResponse.h>

#include <sstream>

namespace ringdesk::admin_api {

using Poco::JSON::Object;

AdminActions::AdminActions(dispatch::Dispatcher& dispatcher, const core::Clock& clock,
                           const std::string& databasePath)
    : dispatcher_(dispatcher), clock_(clock), session_(store::openDatabase(databasePath))
{
}

Object::Ptr AdminActions::logout(const std::string& username, const std::string& reason, const Actor& actor)
{
    bool known = false;
    {
        std::lock_guard lock(mutex_);
        known = store::UserRepository(session_).find(username).has_value();
    }
    std::size_t ended = 0;
    if (known) {
        const std::string told = reason.empty() ? std::string("logged out by an administrator") : reason;
        ended = callOnCore(dispatcher_, [username, told](core::Core& core) {
            return core.forceLogout(username, told);
        });
    }

    Object arguments(Poco::JSON_PRESERVE_KEY_ORDER);
    arguments.set("username", username);
    if (!reason.empty())
        arguments.set("reason", reason);
    std::ostringstream argumentText;
    arguments.stringify(argumentText);
    const std::string outcome =
        known ? "ok: " + std::to_string(ended) + " sessions ended" : "failed: no such user";
    {
        std::lock_guard lock(mutex_);
        store::AuditRepository(session_).record({0, clock_.epochMs(), actor.admin, actor.osUser,
                                                 store::audit_source::kApi, "logout",
                                                 argumentText.str(), outcome});
    }
    Poco::Logger::get("ringdesk.admin")
        .notice("logout of %s by %s: %s", username, actor.admin, outcome);
    if (!known)
        throw AdminApiError(Poco::Net::HTTPResponse::HTTP_NOT_FOUND, error::kUnknownUser,
                            "no such user: " + username);

    Object::Ptr answer = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
    answer->set("username", username);
    answer->set("sessions_ended", static_cast<Poco::UInt64>(ended));
    return answer;
}

Object::Ptr AdminActions::applyUser(const std::string& username)
{
    std::string why = "none";
    std::string told;
    {
        std::lock_guard lock(mutex_);
        if (!store::UserRepository(session_).find(username)) {
            why = "deleted";
            told = "account deleted";
        } else if (const auto ban = store::BanRepository(session_).active(store::ban_kind::kUser, username,
                                                                        clock_.epochMs())) {
            why = "banned";
            told = ban->reason.empty() ? std::string("banned") : "banned: " + ban->reason;
        }
    }
    std::size_t ended = 0;
    if (why != "none") {
        ended = callOnCore(dispatcher_, [username, told](core::Core& core) {
            return core.forceLogout(username, told);
        });
        Poco::Logger::get("ringdesk.admin")
            .notice("user %s %s: %z sessions ended", username, why, ended);
    }
    Object::Ptr answer = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
    answer->set("username", username);
    answer->set("reason", why);
    answer->set("sessions_ended", static_cast<Poco::UInt64>(ended));
    return answer;
}

Object::Ptr AdminActions::applyVisitorBans()
{
    const std::size_t refused =
        callOnCore(dispatcher_, [](core::Core& core) { return core.enforceVisitorBans(); });
    Poco::Logger::get("ringdesk.admin").notice("visitor bans applied: %z connections refused", refused);
    Object::Ptr answer = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
    answer->set("visitors_refused", static_cast<Poco::UInt64>(refused));
    return answer;
}

} // namespace ringdesk::admin_api
