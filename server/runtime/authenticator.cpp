#include "server/runtime/authenticator.h"

#include "server/store/password_hash.h"

namespace ringdesk::runtime {

Authenticator::Authenticator(const std::string& databasePath, int maxSessions)
    : pool_("SQLite", databasePath, 1, maxSessions)
{
}

std::optional<store::UserRow> Authenticator::authenticateMd5(const std::string& username,
                                                             const std::string& md5HexValue)
{
    Poco::Data::Session session = pool_.get();
    store::UserRepository users(session);
    return users.authenticateMd5(username, md5HexValue);
}

std::optional<store::UserRow> Authenticator::authenticate(const std::string& username,
                                                          const std::string& password)
{
    return authenticateMd5(username, store::md5Hex(password));
}

LoginCheck Authenticator::checkLoginMd5(const std::string& username, const std::string& md5HexValue,
                                        std::int64_t nowMs)
{
    Poco::Data::Session session = pool_.get();
    store::UserRepository users(session);
    LoginCheck check;
    check.user = users.authenticateMd5(username, md5HexValue);
    if (!check.user)
        return check;
    store::BanRepository bans(session);
    check.ban = bans.active(store::ban_kind::kUser, check.user->username, nowMs);
    check.verdict = check.ban ? LoginVerdict::kBanned : LoginVerdict::kOk;
    return check;
}

LoginCheck Authenticator::checkLogin(const std::string& username, const std::string& password,
                                     std::int64_t nowMs)
{
    return checkLoginMd5(username, store::md5Hex(password), nowMs);
}

} // namespace ringdesk::runtime
