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

} // namespace ringdesk::runtime
