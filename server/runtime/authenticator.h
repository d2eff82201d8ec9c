#pragma once
// Verifies operator and IMS logins off the dispatcher thread (the KDF is deliberately slow).

#include "server/store/ban_repository.h"
#include "server/store/user_repository.h"

#include <Poco/Data/SessionPool.h>

#include <optional>
#include <string>

namespace ringdesk::runtime {

/// The outcome of a login; the numbers are IMS LOGIN's results, which the operator protocol's
/// `login` shares (ims-xml-protocol.txt, LOGIN; docs/protocol.md).
enum class LoginVerdict : int { kWrongCredentials = 0, kOk = 1, kBanned = 2 };

struct LoginCheck
{
    LoginVerdict verdict = LoginVerdict::kWrongCredentials;
    std::optional<store::UserRow> user; // set unless the credentials were wrong
    std::optional<store::BanRow> ban;   // the active ban, when verdict is kBanned
};

class Authenticator
{
public:
    /// Opens up to `maxSessions` SQLite connections to the database file at `databasePath`.
    Authenticator(const std::string& databasePath, int maxSessions);

    /// The user whose password's MD5 (hex, as IMS LOGIN sends it) matches, or nullopt.
    /// Thread-safe; takes as long as the stored hash's iteration count requires.
    std::optional<store::UserRow> authenticateMd5(const std::string& username,
                                                  const std::string& md5HexValue);
    /// The same for a plain password (operator protocol `login`).
    std::optional<store::UserRow> authenticate(const std::string& username, const std::string& password);

    /// Verifies the credentials, then looks for an active user ban (bans.until_at NULL or
    /// later than `nowMs`). A ban is only reported to a caller that knew the password.
    LoginCheck checkLoginMd5(const std::string& username, const std::string& md5HexValue,
                             std::int64_t nowMs);
    LoginCheck checkLogin(const std::string& username, const std::string& password, std::int64_t nowMs);

private:
    Poco::Data::SessionPool pool_;
};

} // namespace ringdesk::runtime
