#pragma once
// The admin API's contract (docs/admin.md, "Admin API"), shared by the server
// (server/admin_api/) and ringdesk-admin: configuration keys and defaults, paths, headers and
// JSON field names. Defined once here.

#include <cstddef>

namespace ringdesk::admin_api {

/// Configuration keys (docs/configuration.md) and their defaults.
namespace config_key {
inline constexpr const char* kHost = "ringdesk.admin.host";                     // default kDefaultHost
inline constexpr const char* kPort = "ringdesk.admin.port";                     // default kDefaultPort; 0: any
inline constexpr const char* kTokenFile = "ringdesk.admin.tokenFile";           // default <dataDir>/admin.token
inline constexpr const char* kMaxConnections = "ringdesk.admin.maxConnections"; // default 4
} // namespace config_key
inline constexpr const char* kDefaultHost = "127.0.0.1";
inline constexpr int kDefaultPort = 7012;
inline constexpr const char* kDefaultTokenFileName = "admin.token";

/// Paths. Every request needs `Authorization: Bearer <token>`.
namespace path {
inline constexpr const char* kHealth = "/admin/v1/health";     // GET
inline constexpr const char* kSessions = "/admin/v1/sessions"; // GET [?visitors=1]
inline constexpr const char* kRings = "/admin/v1/rings";       // GET
inline constexpr const char* kVisitor = "/admin/v1/visitor";   // GET ?id=VISITOR-ID
inline constexpr const char* kLogout = "/admin/v1/logout";     // POST {"username","reason"}
inline constexpr const char* kApply = "/admin/v1/apply";       // POST {"username"} or {"visitors":true}
} // namespace path

/// Request headers naming who acts; recorded in the audit log.
namespace header {
inline constexpr const char* kAdmin = "X-Ringdesk-Admin";
inline constexpr const char* kOsUser = "X-Ringdesk-Os-User";
} // namespace header

/// Error codes of {"error": CODE, "message": TEXT} answers.
namespace error {
inline constexpr const char* kUnauthorized = "unauthorized"; // 401: missing or wrong token
inline constexpr const char* kNotFound = "not_found";        // 404: unknown path
inline constexpr const char* kMethod = "method_not_allowed"; // 405
inline constexpr const char* kBadRequest = "bad_request";    // 400: bad JSON or field
inline constexpr const char* kTooLarge = "too_large";        // 413: body over kMaxBodyBytes
inline constexpr const char* kUnknownUser = "unknown_user";  // 404: no such user
inline constexpr const char* kInternal = "internal";         // 500
} // namespace error

/// Longest accepted request body, bytes.
inline constexpr std::size_t kMaxBodyBytes = 64 * 1024;

} // namespace ringdesk::admin_api
