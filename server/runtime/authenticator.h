#pragma once
// Verifies operator and IMS logins off the dispatcher thread (the KDF is deliberately slow).

#include "server/store/user_repository.h"

#include <Poco/Data/SessionPool.h>

#include <optional>
#include <string>

namespace ringdesk::runtime {

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

private:
    Poco::Data::SessionPool pool_;
};

} // namespace ringdesk::runtime
