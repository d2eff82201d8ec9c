#pragma once
// The admin API's actions (docs/admin.md, "Admin API"): forced logout, and applying at once
// what ringdesk-admin changed in the database (a user banned or deleted, visitor bans).

#include "server/core/clock.h"
#include "server/dispatch/dispatcher.h"

#include <Poco/Data/Session.h>
#include <Poco/JSON/Object.h>

#include <mutex>
#include <stdexcept>
#include <string>

namespace ringdesk::admin_api {

/// An error the API answers with an HTTP status and {"error": code, "message": what()}.
class AdminApiError : public std::runtime_error
{
public:
    AdminApiError(int status, const char* code, const std::string& message)
        : std::runtime_error(message), status_(status), code_(code)
    {
    }
    int status() const { return status_; }
    const char* code() const { return code_; }

private:
    int status_;
    const char* code_;
};

/// Who asks (request headers X-Ringdesk-Admin, X-Ringdesk-Os-User).
struct Actor
{
    std::string admin;
    std::string osUser;
};

class AdminActions
{
public:
    /// Opens its own connection to the database at `databasePath` (the audit log, account and
    /// ban checks); the core is reached through `dispatcher`. Thread-safe.
    AdminActions(dispatch::Dispatcher& dispatcher, const core::Clock& clock, const std::string& databasePath);

    /// Ends every session of `username` at once (Core::forceLogout) and records the action in
    /// the audit log (source "api"). Returns {"username","sessions_ended"}. Throws
    /// AdminApiError 404 unknown_user when no such account exists.
    Poco::JSON::Object::Ptr logout(const std::string& username, const std::string& reason, const Actor& actor);

    /// The database changed for `username`: when the account is gone or has an active ban,
    /// every session ends now (operators get `logout`, IMS `<LOGOUT user=.. result="1"/>`).
    /// Returns {"username","reason":"banned"|"deleted"|"none","sessions_ended"}.
    Poco::JSON::Object::Ptr applyUser(const std::string& username);

    /// Visitor bans changed: Core::enforceVisitorBans. Returns {"visitors_refused"}.
    Poco::JSON::Object::Ptr applyVisitorBans();

private:
    dispatch::Dispatcher& dispatcher_;
    const core::Clock& clock_;
    std::mutex mutex_; // guards session_
    Poco::Data::Session session_;
};

} // namespace ringdesk::admin_api
