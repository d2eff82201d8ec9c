#pragma once
// The audit_log table (db/migrations/0003_admin.sql): every admin action with its time, the
// admin, the arguments and the outcome (docs/admin.md, "Audit log"). Rows are only added.

#include <Poco/Data/Session.h>

#include <cstdint>
#include <string>
#include <vector>

namespace ringdesk::store {

/// Values of audit_log.source.
namespace audit_source {
inline constexpr const char* kCli = "cli"; // written by ringdesk-admin on the database
inline constexpr const char* kApi = "api"; // written by the server for an admin API request
} // namespace audit_source

struct AuditRow
{
    std::int64_t id = 0;
    std::int64_t at = 0;   // ms since the epoch
    std::string admin;     // who acted (--as, or the OS user)
    std::string osUser;    // the OS user that ran the tool; may be empty for API calls
    std::string source;    // audit_source
    std::string action;    // e.g. "ban user"
    std::string arguments; // a JSON object as text
    std::string outcome;   // "ok" or "failed: ..."
};

class AuditRepository
{
public:
    /// Uses `session` for every statement; the caller owns it, its thread and its transaction.
    explicit AuditRepository(Poco::Data::Session& session);

    /// Appends a row (its id is ignored); returns the new id. Throws std::invalid_argument when
    /// `admin`, `action` or `outcome` is empty or `source` is not an audit_source value.
    std::int64_t record(const AuditRow& row);
    /// The newest `limit` rows (limit >= 1), newest first; only those of `admin` when it is not
    /// empty, only those at or after `sinceMs` when it is above 0.
    std::vector<AuditRow> list(std::size_t limit, const std::string& admin = {}, std::int64_t sinceMs = 0);

private:
    Poco::Data::Session& session_;
};

} // namespace ringdesk::store
