#pragma once
// Verifying a login's credentials, as the front-ends see it: operator `login` (a password)
// and IMS LOGIN (the password's MD5 in hex). The store implements it against the users and
// bans tables (store::SqliteCredentialCheck); front-end tests give a fake.

#include "protocol/login_result.h"

#include <cstdint>
#include <string>

namespace ringdesk::core {

/// The outcome of a login. `username` and `displayName` are the account's, set unless the
/// result is kWrongCredentials; a ban is only reported to a caller that knew the password.
struct LoginCheck
{
    protocol::LoginResult result = protocol::LoginResult::kWrongCredentials;
    std::string username;
    std::string displayName;
};

class CredentialCheck
{
public:
    virtual ~CredentialCheck() = default;

    /// Checks a plain password (operator protocol `login`), then looks for an active user ban
    /// at `nowMs` (ms since the epoch). Thread-safe, and slow on purpose (the password KDF):
    /// call it off the dispatcher thread. Throws on a database error.
    virtual LoginCheck checkLogin(const std::string& username, const std::string& password,
                                  std::int64_t nowMs) = 0;
    /// The same for the password's MD5 as lowercase hex (IMS LOGIN `pass`).
    virtual LoginCheck checkLoginMd5(const std::string& username, const std::string& md5HexValue,
                                     std::int64_t nowMs) = 0;
};

} // namespace ringdesk::core
