#include "server/store/sqlite_credential_check.h"

#include "server/store/ban_repository.h"
#include "server/store/password_hash.h"
#include "server/store/user_repository.h"

namespace ringdesk::store {

SqliteCredentialCheck::SqliteCredentialCheck(const std::string& databasePath, int maxSessions)
    : pool_("SQLite", databasePath, 1, maxSessions)
{
}

core::LoginCheck SqliteCredentialCheck::checkLoginMd5(const std::string& username, const std::string& md5HexValue,
                                                      std::int64_t nowMs)
{
    Poco::Data::Session session = pool_.get();
    UserRepository users(session);
    core::LoginCheck check;
    const std::optional<UserRow> user = users.authenticateMd5(username, md5HexValue);
    if (!user)
        return check;
    check.username = user->username;
    check.displayName = user->displayName;
    BanRepository bans(session);
    const bool banned = bans.active(ban_kind::kUser, user->username, nowMs).has_value();
    check.result = banned ? protocol::LoginResult::kBanned : protocol::LoginResult::kOk;
    return check;
}

core::LoginCheck SqliteCredentialCheck::checkLogin(const std::string& username, const std::string& password,
                                                   std::int64_t nowMs)
{
    return checkLoginMd5(username, md5Hex(password), nowMs);
}

} // namespace ringdesk::store
