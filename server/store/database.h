#pragma once
// Opens the SQLite database through POCO Data and brings its schema up to date.

#include <Poco/Data/Session.h>
#include <Poco/Util/AbstractConfiguration.h>

#include <string>

namespace ringdesk::store {

/// Opens (creating it if needed) the SQLite file at `path` with WAL journaling, foreign keys
/// on, synchronous=NORMAL and a 5 000 ms busy timeout, then applies every migration whose
/// version is above the recorded one (table schema_migrations), all in one BEGIN IMMEDIATE
/// transaction, so that processes opening a new file at once migrate it exactly once.
/// The parent folder is created. Throws Poco::Exception (with the file and migration name) when
/// the file cannot be opened or a migration fails; the migrations are then rolled back.
Poco::Data::Session openDatabase(const std::string& path);

/// The database file named by the configuration: ringdesk.database.path, by default
/// <ringdesk.dataDir>/ringdesk.db with ringdesk.dataDir defaulting to "data". Shared by the
/// server and ringdesk-admin so both open the same file.
std::string configuredDatabasePath(const Poco::Util::AbstractConfiguration& config);

/// The highest applied migration version (0 for an empty database).
int schemaVersion(Poco::Data::Session& session);

} // namespace ringdesk::store
