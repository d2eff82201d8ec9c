#pragma once
// The users table (db/migrations/0001_initial.sql): operator and admin accounts.

#include <Poco/Data/Session.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ringdesk::store {

struct UserRow
{
    std::int64_t id = 0;
    std::string username;
    std::string displayName;
    std::string role; // "operator" or "admin"
    std::string passwordHash;
    std::int64_t createdAt = 0; // ms since the epoch
};

class UserRepository
{
public:
    /// Uses `session` for every statement; the caller owns it and its thread.
    explicit UserRepository(Poco::Data::Session& session);

    /// Creates a user. Username: 1 … 64 bytes of letters, digits, '.', '_', '-', '@'; role
    /// "operator" or "admin". Throws std::invalid_argument on a bad name or role, or when the
    /// user exists.
    UserRow add(const std::string& username, const std::string& displayName,
                const std::string& role, const std::string& passwordHash);
    std::optional<UserRow> find(const std::string& username);
    std::vector<UserRow> list();
    /// Returns false when the user does not exist.
    bool setPasswordHash(const std::string& username, const std::string& passwordHash);
    /// Sets the role ("operator" or "admin"; std::invalid_argument otherwise). Returns false
    /// when the user does not exist.
    bool setRole(const std::string& username, const std::string& role);
    /// Deletes the user. Its friendships and the offline messages waiting for it go with it
    /// (ON DELETE CASCADE); messages it sent, transcripts and bans stay. Returns false when the
    /// user does not exist.
    bool remove(const std::string& username);

    /// Verifies MD5(password) as hex against the stored hash; the user on success.
    /// The slow KDF runs on the calling thread (never the dispatcher's).
    std::optional<UserRow> authenticateMd5(const std::string& username, const std::string& md5HexValue);

    /// True when the name is acceptable as a username.
    static bool validUsername(const std::string& username);
    /// True for "operator" and "admin".
    static bool validRole(const std::string& role);

private:
    Poco::Data::Session& session_;
};

} // namespace ringdesk::store
