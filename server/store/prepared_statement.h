#pragma once
// One SQL statement compiled once and run many times on the SQLite connection of a POCO Data
// session. POCO Data 1.11 compiles a statement again at every execution; for the store's
// per-message writes that was 37 % of the dispatcher thread's time in the relay benchmark
// (docs/performance.md). Used for those hot writes only; everything else goes through POCO Data.

#include <Poco/Data/Session.h>

#include <cstdint>
#include <string>

struct sqlite3;
struct sqlite3_stmt;

namespace ringdesk::store {

class PreparedStatement
{
public:
    /// Compiles `sql` (parameters written `?`) on `session`'s connection; the session must be a
    /// "SQLite" session and outlive this object. Throws Poco::Data::DataException with SQLite's
    /// message when the SQL does not compile (e.g. a table is missing).
    PreparedStatement(Poco::Data::Session& session, const std::string& sql);
    ~PreparedStatement();
    PreparedStatement(const PreparedStatement&) = delete;
    PreparedStatement& operator=(const PreparedStatement&) = delete;

    /// Binds `values` to the parameters in order (integers as INTEGER, strings as UTF-8 TEXT)
    /// and runs the statement to completion inside whatever transaction the session has open.
    /// Throws Poco::Data::DataException with SQLite's message on failure (a constraint, a busy
    /// database); the statement is reset and its bindings cleared either way.
    template <typename... Values>
    void run(const Values&... values)
    {
        int index = 0;
        (bind(++index, values), ...);
        step();
    }

private:
    void bind(int index, std::int64_t value);
    void bind(int index, int value) { bind(index, static_cast<std::int64_t>(value)); }
    void bind(int index, const std::string& value);
    void step();
    [[noreturn]] void fail(const std::string& what);

    sqlite3* db_;
    sqlite3_stmt* statement_ = nullptr;
};

} // namespace ringdesk::store
