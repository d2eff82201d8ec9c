#pragma once
// A consistent copy of a live SQLite database with SQLite's online backup API
// (https://www.sqlite.org/backup.html): `ringdesk-admin backup FILE` (docs/admin.md, "Backup").
// Knows nothing of the command line; the server may keep writing while it runs.
//
// The copy is taken in steps of a bounded number of pages. Between steps SQLite restarts a
// backup from its first page whenever another connection committed, so against a server that
// commits every few milliseconds a plain stepped backup never ends. The source connection
// therefore holds one read transaction for the whole copy: in WAL mode that pins a snapshot
// (the database as of the backup's start) without blocking the server's writes; the server's
// checkpoints (PASSIVE) only stop short of the snapshot until the copy is done, and the WAL
// grows meanwhile.

#include <chrono>
#include <cstdint>
#include <stdexcept>
#include <string>

namespace ringdesk::admin {

/// The backup failed; what() says why, naming the file.
class BackupError : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

/// The target exists and BackupOptions::replace is false; nothing was written.
class BackupTargetExists : public BackupError
{
public:
    using BackupError::BackupError;
};

struct BackupOptions
{
    int pagesPerStep = 256;                       // pages copied by one sqlite3_backup_step (>= 1)
    std::chrono::milliseconds busyPause{10};      // wait after SQLITE_BUSY / SQLITE_LOCKED
    std::chrono::milliseconds busyLimit{30000};   // give up when busy this long without progress
    bool replace = false;                         // replace an existing target
};

struct BackupResult
{
    std::int64_t pages = 0;     // pages copied (the source's size at the snapshot)
    std::int64_t pageSize = 0;  // bytes per page
    std::int64_t bytes = 0;     // size of the written file
    std::int64_t steps = 0;     // sqlite3_backup_step calls that copied pages
    std::int64_t busyRetries = 0; // steps retried after SQLITE_BUSY / SQLITE_LOCKED
};

/// Copies the SQLite database at `source` (which must exist; it is never written) to `target`:
/// into a temporary file beside `target` first, checked with PRAGMA integrity_check, then
/// renamed into place, so `target` is either the old file or a complete, checked copy. The
/// temporary file is removed when anything fails. Throws BackupTargetExists when `target`
/// exists and `options.replace` is false (also when it appears during the copy),
/// BackupError when `source` is missing, `target` is the source itself, its folder does not
/// exist, SQLite fails, stays busy for `options.busyLimit`, or the copy fails the integrity
/// check; std::invalid_argument when `options.pagesPerStep` is below 1.
BackupResult backupDatabase(const std::string& source, const std::string& target, const BackupOptions& options);

} // namespace ringdesk::admin
