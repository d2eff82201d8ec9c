#include "server/store/user_repository.h"

#include "server/store/password_hash.h"

#include <Poco/Data/RecordSet.h>
#include <Poco/Tuple.h>

#include <chrono>
#include <stdexcept>

using namespace Poco::Data::Keywords;

namespace ringdesk::store {
namespace {

constexpr const char* kColumns =
    "SELECT id, username, display_name, role, password_hash, created_at FROM users";

using Row = Poco::Tuple<std::int64_t, std::string, std::string, std::string, std::string, std::int64_t>;

UserRow toUser(const Row& row)
{
    return {row.get<0>(), row.get<1>(), row.get<2>(), row.get<3>(), row.get<4>(), row.get<5>()};
}

} // namespace

UserRepository::UserRepository(Poco::Data::Session& session) : session_(session) {}

bool UserRepository::validUsername(const std::string& username)
{
    if (username.empty() || username.size() > 64)
        return false;
    for (char c : username)
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '_' || c == '-' || c == '@'))
            return false;
    return true;
}

UserRow UserRepository::add(const std::string& username, const std::string& displayName,
                            const std::string& role, const std::string& passwordHash)
{
    if (!validUsername(username))
        throw std::invalid_argument("invalid username '" + username +
                                    "' (1-64 letters, digits, '.', '_', '-', '@')");
    if (!validRole(role))
        throw std::invalid_argument("role must be operator or admin");
    if (find(username))
        throw std::invalid_argument("user '" + username + "' already exists");
    const std::int64_t created = std::chrono::duration_cast<std::chrono::milliseconds>(
                                     std::chrono::system_clock::now().time_since_epoch())
                                     .count();
    const std::string shown = displayName.empty() ? username : displayName;
    session_ << "INSERT INTO users (username, display_name, role, password_hash, created_at) "
                "VALUES (?, ?, ?, ?, ?)",
        bind(username), bind(shown), bind(role), bind(passwordHash), bind(created), now;
    return *find(username);
}

std::optional<UserRow> UserRepository::find(const std::string& username)
{
    std::vector<Row> rows;
    session_ << std::string(kColumns) + " WHERE username = ?", bind(username), into(rows), now;
    if (rows.empty())
        return std::nullopt;
    return toUser(rows.front());
}

std::vector<UserRow> UserRepository::list()
{
    std::vector<Row> rows;
    session_ << std::string(kColumns) + " ORDER BY username", into(rows), now;
    std::vector<UserRow> users;
    for (const Row& row : rows)
        users.push_back(toUser(row));
    return users;
}

bool UserRepository::setPasswordHash(const std::string& username, const std::string& passwordHash)
{
    if (!find(username))
        return false;
    session_ << "UPDATE users SET password_hash = ? WHERE username = ?", bind(passwordHash),
        bind(username), now;
    return true;
}

bool UserRepository::validRole(const std::string& role) { return role == "operator" || role == "admin"; }

bool UserRepository::setRole(const std::string& username, const std::string& role)
{
    if (!validRole(role))
        throw std::invalid_argument("role must be operator or admin");
    Poco::Data::Statement update(session_);
    update << "UPDATE users SET role = ? WHERE username = ?", bind(role), bind(username);
    return update.execute() > 0;
}

bool UserRepository::remove(const std::string& username)
{
    Poco::Data::Statement remove(session_);
    remove << "DELETE FROM users WHERE username = ?", bind(username);
    return remove.execute() > 0;
}

std::optional<UserRow> UserRepository::authenticateMd5(const std::string& username,
                                                       const std::string& md5HexValue)
{
    std::optional<UserRow> user = find(username);
    if (!user) {
        // Spend the same KDF time as for a real account, so that response times do not tell
        // which user names exist.
        static const std::string decoy = hashPasswordMd5(md5Hex("decoy"));
        verifyPasswordMd5(md5HexValue, decoy);
        return std::nullopt;
    }
    if (!verifyPasswordMd5(md5HexValue, user->passwordHash))
        return std::nullopt;
    return user;
}

} // namespace ringdesk::store
