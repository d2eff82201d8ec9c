#pragma once
// What every ringdesk-admin command works with: the options, the output streams, the database
// (opened at first use), the admin API client, who acts, and the audit log.

#include "admin/admin_client.h"
#include "admin/command_error.h"

#include <Poco/Data/Session.h>
#include <Poco/JSON/Object.h>
#include <Poco/Util/AbstractConfiguration.h>

#include <cstdint>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>

namespace ringdesk::admin {

/// Exit codes (docs/admin.md).
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
    std::string reason;          // --reason (ban, logout)
    std::string duration;        // --for (ban): e.g. 30s, 15m, 2h, 7d; empty: until lifted
    std::string actAs;           // --as: the admin recorded in the audit log
    int limit = 50;              // --limit (audit, transcripts list)
    bool all = false;            // --all (bans: also lifted and expired ones)
    bool visitors = false;       // --visitors (sessions: also visitor WebSockets)
    std::string visitor;         // --visitor (transcripts list): only this visitor's conversations
    std::string operatorName;    // --operator (transcripts list): only those this account took
    std::string since;           // --since (transcripts list): ISO 8601 date or date-time
    std::string format;          // --format (transcripts export): txt or json
    bool force = false;          // --force (backup: replace an existing file)
};

class AdminContext
{
public:
    AdminContext(const Poco::Util::AbstractConfiguration& config, CommandOptions options,
                 std::ostream& out, std::ostream& err);

    const CommandOptions& options() const { return options_; }
    std::ostream& out() { return out_; }
    std::ostream& err() { return err_; }
    const AdminIdentity& identity() const { return identity_; }
    /// PBKDF2 iterations for new password hashes: --kdf-iterations, else
    /// ringdesk.security.kdfIterations, else the default.
    int kdfIterations() const;
    std::int64_t nowMs() const;

    /// The server's database file (store::configuredDatabasePath of the configuration).
    std::string databasePath() const;
    /// The server's database, opened and migrated at first use.
    Poco::Data::Session& database();
    /// The admin API client (ringdesk.admin.* of the same configuration).
    AdminClient& server();

    /// Runs `change()` in one database transaction together with an audit row for `action`
    /// with `arguments` and outcome "ok". When `change` throws CommandFailed or UsageError, the
    /// transaction is rolled back, a row with outcome "failed: <message>" is written, and the
    /// error goes on.
    template <typename F>
    void audited(const std::string& action, const Poco::JSON::Object& arguments, F change)
    {
        Poco::Data::Session& db = database();
        db.begin();
        try {
            change();
            recordAudit(action, arguments, "ok");
            db.commit();
        } catch (const CommandFailed& e) {
            recordRefusal(action, arguments, e.what());
            throw;
        } catch (const UsageError& e) {
            recordRefusal(action, arguments, e.what());
            throw;
        } catch (...) {
            rollback(); // a database error: nothing to record in a database that failed
            throw;
        }
    }

    /// Appends an audit row (source "cli") in the current transaction, if any.
    void recordAudit(const std::string& action, const Poco::JSON::Object& arguments, const std::string& outcome);

    /// After a database change: asks the running server to apply it at once (POST
    /// /admin/v1/apply with `body`). Returns the server's answer, or nullopt when the server is
    /// not reachable (it is down; the change applies at the next login or visit) after telling
    /// so on the error stream. Throws CommandFailed when the server is reachable but refuses
    /// (wrong token) or fails: the change is stored, yet not applied to live sessions.
    std::optional<Poco::JSON::Object::Ptr> applyOnServer(const Poco::JSON::Object& body);

private:
    void rollback();
    /// Rolls the action back and records it with outcome "failed: <message>".
    void recordRefusal(const std::string& action, const Poco::JSON::Object& arguments, const std::string& message);

    const Poco::Util::AbstractConfiguration& config_;
    CommandOptions options_;
    std::ostream& out_;
    std::ostream& err_;
    AdminIdentity identity_;
    std::optional<Poco::Data::Session> database_;
    std::unique_ptr<AdminClient> server_;
};

/// Prints `object` as one line of JSON.
void printJson(std::ostream& out, const Poco::JSON::Object& object);
/// An ISO 8601 UTC time of `ms` since the epoch, e.g. 2026-11-24T16:05:00Z.
std::string formatTime(std::int64_t ms);

} // namespace ringdesk::admin
