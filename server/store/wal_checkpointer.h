#pragma once
// Checkpoints of the write-ahead log off the writer's thread. By default SQLite checkpoints
// inside the commit that makes the WAL reach 1 000 pages: that commit copies the pages into
// the database file and syncs it, and in the server every output waiting for that commit
// waited too (the relay's p99, docs/performance.md). Here the writer's commits only signal a
// thread that checkpoints on its own connection (PASSIVE: it never blocks the writer). Once
// the WAL has reached the threshold, every commit signals it, so the copying and syncing go
// on in small steps beside the writer: in the relay benchmark that gave a lower tail than
// waking it only every few thousand pages, whose large copies made the disk stall the
// writer's own writes. Should the WAL still grow far (it restarts only when a commit finds
// every page copied), the writer checkpoints itself as before, so it stays bounded.
// https://www.sqlite.org/wal.html#ckpt

#include <Poco/Data/Session.h>
#include <Poco/Logger.h>
#include <Poco/Runnable.h>
#include <Poco/Thread.h>

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <string>

struct sqlite3;

namespace ringdesk::store {

class WalCheckpointer final : private Poco::Runnable
{
public:
    /// Takes over checkpoints of `writer` (a "SQLite" session in WAL mode on `path`, which
    /// must outlive this object): a commit that leaves the WAL at `thresholdPages` (≥ 1) pages
    /// or more wakes the thread; one that leaves it at 4 × `thresholdPages` checkpoints on the
    /// writer's thread. The default, 4 000 pages, is 16 MB of WAL with 4 KiB pages (64 MB
    /// before the writer takes over). Opens its own connection on `path`; throws as
    /// store::openDatabase does. Logs to "ringdesk.store".
    WalCheckpointer(Poco::Data::Session& writer, const std::string& path, int thresholdPages = 4000);
    /// stop(), then gives the writer SQLite's automatic checkpoints back.
    ~WalCheckpointer() override;

    WalCheckpointer(const WalCheckpointer&) = delete;
    WalCheckpointer& operator=(const WalCheckpointer&) = delete;

    void start();
    /// Ends the thread after the checkpoint it may be running. Idempotent.
    void stop();

    /// Checkpoints run by the thread, and by the writer itself because the thread was behind.
    std::uint64_t backgroundCheckpoints() const { return background_; }
    std::uint64_t writerCheckpoints() const { return onWriter_; }

private:
    /// sqlite3_wal_hook callback, on the writer's thread after each commit.
    static int onCommit(void* self, sqlite3* db, const char* schema, int walPages);
    void run() override;

    Poco::Data::Session& writer_;
    Poco::Data::Session own_;
    const int thresholdPages_;
    Poco::Logger& logger_;
    Poco::Thread thread_;
    std::atomic<bool> started_{false}; // and not joined yet
    std::mutex mutex_;
    std::condition_variable wake_;
    bool due_ = false;
    bool stopping_ = false;
    std::atomic<std::uint64_t> background_{0};
    std::atomic<std::uint64_t> onWriter_{0};
};

} // namespace ringdesk::store
