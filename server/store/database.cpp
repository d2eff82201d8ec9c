#include "server/store/database.h"

#include "server/store/migrations.h"

#include <Poco/Data/SQLite/Connector.h>
#include <Poco/Data/SQLite/SQLiteException.h>
#include <Poco/Data/SQLite/Utility.h>
#include <Poco/Exception.h>
#include <Poco/File.h>
#include <Poco/Path.h>

#include <chrono>
#include <mutex>
#include <thread>

#include <sqlite3.h>

using namespace Poco::Data::Keywords;

namespace ringdesk::store {
namespace {

constexpr int kBusyTimeoutMs = 5000;

} // namespace

Poco::Data::Session openDatabase(const std::string& path)
{
    static std::once_flag registered;
    std::call_once(registered, [] { Poco::Data::SQLite::Connector::registerConnector(); });

    const Poco::Path parent = Poco::Path(path).parent();
    if (!parent.toString().empty())
        Poco::File(parent).createDirectories();

    Poco::Data::Session session("SQLite", path);
    // First: the other pragmas and the migrations may have to wait for another process's lock.
    session << "PRAGMA busy_timeout=" << kBusyTimeoutMs, now;
    // Switching a new file to WAL needs it to itself, and SQLite may answer "locked" at once
    // instead of waiting when several openers meet there: tried again until the busy timeout.
    const auto giveUp = std::chrono::steady_clock::now() + std::chrono::milliseconds(kBusyTimeoutMs);
    for (;;) {
        try {
            session << "PRAGMA journal_mode=WAL", now;
            session << "CREATE TABLE IF NOT EXISTS schema_migrations ("
                       "version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)",
                now;
            break;
        } catch (const Poco::Data::SQLite::DBLockedException&) {
            if (std::chrono::steady_clock::now() >= giveUp)
                throw;
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }
    }
    session << "PRAGMA synchronous=NORMAL", now;
    session << "PRAGMA foreign_keys=ON", now;

    if (schemaVersion(session) < migrations().back().version) {
        // One process migrates at a time (the server and ringdesk-admin may open the file
        // together): the write lock is taken first, then the version is read again under it.
        session << "BEGIN IMMEDIATE", now;
        const Migration* current = nullptr;
        try {
            const int version = schemaVersion(session);
            for (const Migration& migration : migrations()) {
                if (migration.version <= version)
                    continue;
                current = &migration;
                // A migration file holds several statements: sqlite3_exec runs them in turn.
                char* error = nullptr;
                if (sqlite3_exec(Poco::Data::SQLite::Utility::dbHandle(session), migration.sql,
                                 nullptr, nullptr, &error) != SQLITE_OK) {
                    const std::string message = error != nullptr ? error : "unknown error";
                    sqlite3_free(error);
                    throw Poco::DataException(message);
                }
                const std::int64_t at = std::chrono::duration_cast<std::chrono::milliseconds>(
                                            std::chrono::system_clock::now().time_since_epoch())
                                            .count();
                session << "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                    bind(migration.version), bind(std::string(migration.name)), bind(at), now;
            }
            session << "COMMIT", now;
        } catch (const Poco::Exception& e) {
            if (sqlite3_get_autocommit(Poco::Data::SQLite::Utility::dbHandle(session)) == 0)
                session << "ROLLBACK", now;
            throw Poco::DataException("migration " +
                                      std::string(current != nullptr ? current->name : "check") +
                                      " failed on " + path + ": " + e.displayText());
        }
    }
    return session;
}

std::string configuredDatabasePath(const Poco::Util::AbstractConfiguration& config)
{
    const std::string dataDir = config.getString("ringdesk.dataDir", "data");
    return config.getString("ringdesk.database.path",
                            Poco::Path(Poco::Path(dataDir).makeDirectory(), "ringdesk.db").toString());
}

int schemaVersion(Poco::Data::Session& session)
{
    int version = 0;
    session << "SELECT COALESCE(MAX(version), 0) FROM schema_migrations", into(version), now;
    return version;
}

} // namespace ringdesk::store
