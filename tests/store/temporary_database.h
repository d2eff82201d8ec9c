#pragma once
// A SQLite file for one test, in the system's temporary folder. open() migrates it like the
// server does (store::openDatabase); the destructor removes the file with its -wal and -shm
// companions, so every session on it must be closed first.

#include "server/store/database.h"
#include "server/store/user_repository.h"

#include <Poco/File.h>
#include <Poco/TemporaryFile.h>

#include <initializer_list>
#include <string>

namespace ringdesk::testing {

class TemporaryDatabase
{
public:
    TemporaryDatabase() : path_(Poco::TemporaryFile::tempName() + ".db") {}
    ~TemporaryDatabase()
    {
        for (const std::string suffix : {"", "-wal", "-shm"})
            if (Poco::File(path_ + suffix).exists())
                Poco::File(path_ + suffix).remove();
    }
    TemporaryDatabase(const TemporaryDatabase&) = delete;
    TemporaryDatabase& operator=(const TemporaryDatabase&) = delete;

    const std::string& path() const { return path_; }
    /// A new session on the file (created and migrated at the first call). Throws as
    /// store::openDatabase does.
    Poco::Data::Session open() const { return store::openDatabase(path_); }

private:
    std::string path_;
};

/// Adds operator accounts named `usernames` (no display name, a password hash nobody matches).
inline void addOperators(Poco::Data::Session& session, std::initializer_list<const char*> usernames)
{
    store::UserRepository users(session);
    for (const char* name : usernames)
        users.add(name, "", "operator", "unused");
}

} // namespace ringdesk::testing
