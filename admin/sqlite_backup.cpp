#include "admin/sqlite_backup.h"

#include <Poco/File.h>
#include <Poco/Path.h>

#include <cerrno>
#include <cstring>
#include <memory>
#include <optional>
#include <thread>
#include <vector>

#include <fcntl.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

namespace ringdesk::admin {
namespace {

using Clock = std::chrono::steady_clock;

constexpr int kBusyTimeoutMs = 5000;

/// One sqlite3 connection, closed when it goes.
class Connection
{
public:
    Connection(const std::string& path, int flags)
    {
        const int rc = sqlite3_open_v2(path.c_str(), &db_, flags, nullptr);
        if (rc != SQLITE_OK) {
            const std::string why = db_ != nullptr ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
            sqlite3_close_v2(db_);
            throw BackupError("cannot open " + path + ": " + why);
        }
        sqlite3_busy_timeout(db_, kBusyTimeoutMs);
    }
    ~Connection() { sqlite3_close_v2(db_); }
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    sqlite3* handle() const { return db_; }
    std::string error() const { return sqlite3_errmsg(db_); }

    /// The first column of every row of `sql`; SQLITE_BUSY and SQLITE_LOCKED come back as
    /// `rc` for the caller to retry, other errors throw.
    int rows(const std::string& sql, std::vector<std::string>& result)
    {
        result.clear();
        sqlite3_stmt* statement = nullptr;
        int rc = sqlite3_prepare_v2(db_, sql.c_str(), -1, &statement, nullptr);
        while (rc == SQLITE_OK || rc == SQLITE_ROW) {
            rc = sqlite3_step(statement);
            if (rc == SQLITE_ROW) {
                const unsigned char* text = sqlite3_column_text(statement, 0);
                result.emplace_back(text != nullptr ? reinterpret_cast<const char*>(text) : "");
            }
        }
        sqlite3_finalize(statement);
        if (rc == SQLITE_DONE || rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
            return rc == SQLITE_DONE ? SQLITE_OK : rc;
        throw BackupError(sql + " failed: " + error());
    }

    /// Closes now; throws when SQLite cannot (a statement left open).
    void close()
    {
        if (sqlite3_close(db_) != SQLITE_OK)
            throw BackupError("cannot close the copy: " + error());
        db_ = nullptr;
    }

private:
    sqlite3* db_ = nullptr;
};

/// Runs `attempt` (returning an SQLite result code) until it is neither SQLITE_BUSY nor
/// SQLITE_LOCKED, pausing between tries; throws once it stayed busy for `options.busyLimit`.
template <typename F>
int retryWhileBusy(const BackupOptions& options, std::int64_t& retries, const std::string& what, F attempt)
{
    std::optional<Clock::time_point> busySince;
    for (;;) {
        const int rc = attempt();
        if (rc != SQLITE_BUSY && rc != SQLITE_LOCKED)
            return rc;
        ++retries;
        const auto now = Clock::now();
        if (!busySince)
            busySince = now;
        else if (now - *busySince >= options.busyLimit)
            throw BackupError(what + ": the database stayed busy for " +
                              std::to_string(options.busyLimit.count()) + " ms");
        std::this_thread::sleep_for(options.busyPause);
    }
}

/// The temporary copy and the files SQLite may put beside it, removed unless kept.
class TemporaryCopy
{
public:
    explicit TemporaryCopy(std::string path) : path_(std::move(path)) { remove(); }
    ~TemporaryCopy()
    {
        if (!kept_)
            remove();
    }
    TemporaryCopy(const TemporaryCopy&) = delete;
    TemporaryCopy& operator=(const TemporaryCopy&) = delete;

    const std::string& path() const { return path_; }
    void keep() { kept_ = true; }

private:
    void remove() const
    {
        for (const char* suffix : {"", "-journal", "-wal", "-shm"})
            ::unlink((path_ + suffix).c_str()); // absent files are fine: nothing to remove
    }

    std::string path_;
    bool kept_ = false;
};

std::string systemError(const std::string& what)
{
    return what + ": " + std::strerror(errno);
}

/// True when both paths exist and name the same file.
bool sameFile(const std::string& a, const std::string& b)
{
    struct stat first{};
    struct stat second{};
    return ::stat(a.c_str(), &first) == 0 && ::stat(b.c_str(), &second) == 0 && first.st_dev == second.st_dev &&
           first.st_ino == second.st_ino;
}

/// Puts the finished copy at `target`: without `replace` by a hard link, which fails when the
/// target exists (also one that appeared meanwhile), else by rename, which replaces it.
void install(TemporaryCopy& copy, const std::string& target, bool replace)
{
    if (!replace) {
        if (::link(copy.path().c_str(), target.c_str()) == 0)
            return; // the temporary name goes with the TemporaryCopy
        if (errno == EEXIST)
            throw BackupTargetExists(target + " exists");
        // A file system without hard links: check, then rename.
        if (Poco::File(target).exists())
            throw BackupTargetExists(target + " exists");
    }
    if (::rename(copy.path().c_str(), target.c_str()) != 0)
        throw BackupError(systemError("cannot rename " + copy.path() + " to " + target));
    copy.keep();
}

/// Makes the new directory entry durable.
void syncFolder(const std::string& folder)
{
    const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY);
    if (fd < 0)
        throw BackupError(systemError("cannot open the folder " + folder + " to sync it"));
    const int rc = ::fsync(fd);
    ::close(fd);
    if (rc != 0)
        throw BackupError(systemError("cannot sync the folder " + folder));
}

} // namespace

BackupResult backupDatabase(const std::string& source, const std::string& target, const BackupOptions& options)
{
    if (options.pagesPerStep < 1)
        throw std::invalid_argument("pagesPerStep must be at least 1");
    if (!Poco::File(source).exists())
        throw BackupError("there is no database at " + source);
    const Poco::Path targetPath = Poco::Path(target).absolute();
    const std::string folder = targetPath.parent().toString();
    if (targetPath.getFileName().empty() || (Poco::File(target).exists() && Poco::File(target).isDirectory()))
        throw BackupError(target + " is a folder: name the backup file");
    if (!Poco::File(folder).exists() || !Poco::File(folder).isDirectory())
        throw BackupError("the folder " + folder + " does not exist");
    if (sameFile(source, target))
        throw BackupError(target + " is the database itself");
    if (!options.replace && Poco::File(target).exists())
        throw BackupTargetExists(target + " exists");

    BackupResult result;
    TemporaryCopy copy(Poco::Path(folder, "." + targetPath.getFileName() + ".partial-" + std::to_string(::getpid()))
                           .toString());
    {
        Connection from(source, SQLITE_OPEN_READWRITE);
        // Closing must not checkpoint the server's WAL into the file: the source stays as it was.
        sqlite3_db_config(from.handle(), SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, nullptr);
        Connection to(copy.path(), SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);

        // The snapshot every step copies from (see the header): a read transaction, begun by
        // its first read.
        std::vector<std::string> rows;
        from.rows("BEGIN", rows);
        retryWhileBusy(options, result.busyRetries, "reading " + source,
                       [&] { return from.rows("SELECT COUNT(*) FROM sqlite_master", rows); });

        std::unique_ptr<sqlite3_backup, int (*)(sqlite3_backup*)> backup(
            sqlite3_backup_init(to.handle(), "main", from.handle(), "main"), &sqlite3_backup_finish);
        if (!backup)
            throw BackupError("cannot start the backup of " + source + ": " + to.error());
        for (;;) {
            const int rc = retryWhileBusy(options, result.busyRetries, "copying " + source,
                                          [&] { return sqlite3_backup_step(backup.get(), options.pagesPerStep); });
            if (rc != SQLITE_OK && rc != SQLITE_DONE)
                throw BackupError("copying " + source + " failed: " + sqlite3_errstr(rc));
            ++result.steps;
            if (rc == SQLITE_DONE)
                break;
        }
        result.pages = sqlite3_backup_pagecount(backup.get());
        if (sqlite3_backup_finish(backup.release()) != SQLITE_OK)
            throw BackupError("finishing the backup of " + source + " failed: " + to.error());
        from.rows("COMMIT", rows); // lets the server's checkpoints past the snapshot again

        to.rows("PRAGMA integrity_check", rows);
        if (rows.size() != 1 || rows.front() != "ok") {
            std::string problems;
            for (std::size_t i = 0; i < rows.size() && i < 5; ++i)
                problems += (i == 0 ? "" : "; ") + rows[i];
            throw BackupError("the copy of " + source + " failed PRAGMA integrity_check: " + problems);
        }
        to.rows("PRAGMA page_size", rows);
        result.pageSize = rows.empty() ? 0 : std::stoll(rows.front());
        to.close(); // the last connection on the copy: SQLite removes its -wal and -shm
    }
    if (Poco::File(copy.path() + "-wal").exists())
        throw BackupError("the copy " + copy.path() + " kept a write-ahead log: it is not complete");
    result.bytes = static_cast<std::int64_t>(Poco::File(copy.path()).getSize());
    install(copy, target, options.replace);
    syncFolder(folder);
    return result;
}

} // namespace ringdesk::admin
