#include "server/store/prepared_statement.h"

#include <Poco/Data/DataException.h>
#include <Poco/Data/SQLite/Utility.h>

#include <sqlite3.h>

namespace ringdesk::store {

PreparedStatement::PreparedStatement(Poco::Data::Session& session, const std::string& sql)
    : db_(Poco::Data::SQLite::Utility::dbHandle(session))
{
    if (sqlite3_prepare_v3(db_, sql.c_str(), static_cast<int>(sql.size() + 1), SQLITE_PREPARE_PERSISTENT,
                           &statement_, nullptr) != SQLITE_OK)
        throw Poco::Data::DataException("cannot compile \"" + sql + "\": " + sqlite3_errmsg(db_));
}

PreparedStatement::~PreparedStatement() { sqlite3_finalize(statement_); }

void PreparedStatement::bind(int index, std::int64_t value)
{
    if (sqlite3_bind_int64(statement_, index, value) != SQLITE_OK)
        fail("bind");
}

void PreparedStatement::bind(int index, const std::string& value)
{
    if (sqlite3_bind_text(statement_, index, value.data(), static_cast<int>(value.size()), SQLITE_TRANSIENT) !=
        SQLITE_OK)
        fail("bind");
}

void PreparedStatement::step()
{
    int rc = SQLITE_ROW;
    while (rc == SQLITE_ROW)
        rc = sqlite3_step(statement_);
    if (rc != SQLITE_DONE)
        fail("run");
    sqlite3_reset(statement_);
    sqlite3_clear_bindings(statement_);
}

void PreparedStatement::fail(const std::string& what)
{
    const std::string message = std::string(sqlite3_errmsg(db_)) + " (" + what + " \"" + sqlite3_sql(statement_) + "\")";
    sqlite3_reset(statement_);
    sqlite3_clear_bindings(statement_);
    throw Poco::Data::DataException(message);
}

} // namespace ringdesk::store
