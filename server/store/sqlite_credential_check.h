#pragma once
// core::CredentialCheck on the users and bans tables, with its own small pool of SQLite
// connections so that logins never queue behind the store thread's writes.

#include "server/core/credential_check.h"

#include <Poco/Data/SessionPool.h>

#include <string>

namespace ringdesk::store {

class SqliteCredentialCheck final : public core::CredentialCheck
{
public:
    /// Opens up to `maxSessions` SQLite connections to the database file at `databasePath`.
    SqliteCredentialCheck(const std::string& databasePath, int maxSessions);

    core::LoginCheck checkLogin(const std::string& username, const std::string& password,
                                std::int64_t nowMs) override;
    core::LoginCheck checkLoginMd5(const std::string& username, const std::string& md5HexValue,
                                   std::int64_t nowMs) override;

private:
    Poco::Data::SessionPool pool_;
};

} // namespace ringdesk::store
