#include "server/store/database.h"

#include "server/store/migrations.h"

#include <Poco/Data/SQLite/Connector.h>
#include <Poco/Data/SQLite/Utility.h>
#include <Poco/Data/Transaction.h>
#include <Poco/Exception.h>
#include <Poco/File.h>
#include <Poco/Path.h>

#include <chrono>
#include <mutex>

#include <sqlite3.h>

using namespace Poco::Data::Keywords;

namespace ringdesk::store {

Poco::Data::Session openDatabase(const std::string& path)
{
    static std::once_flag registered;
    std::call_once(registered, [] { Poco::Data::SQLite::Connector::registerConnector(); });

    const Poco::Path parent = Poco::Path(path).parent();
    if (!parent.toString().empty())
        Poco::File(parent).createDirectories();

    Poco::Data::Session session("SQLite", path);
    session << "PRAGMA journal_mode=WAL", now;
    session << "PRAGMA synchronous=NORMAL", now;
    session << "PRAGMA foreign_keys=ON", now;
    session << "PRAGMA busy_timeout=5000", now;
    session << "CREATE TABLE IF NOT EXISTS schema_migrations ("
               "version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)",
        now;

    const int current = schemaVersion(session);
    for (const Migration& migration : migrations()) {
        if (migration.version <= current)
            continue;
        Poco::Data::Transaction transaction(session);
        try {
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
            transaction.commit();
        } catch (const Poco::Exception& e) {
            transaction.rollback();
            throw Poco::DataException("migration " + std::string(migration.name) + " failed on " +
                                      path + ": " + e.displayText());
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
