#include "server/store/wal_checkpointer.h"

#include "server/store/database.h"

#include <Poco/Data/SQLite/Utility.h>

#include <algorithm>

#include <sqlite3.h>

namespace ringdesk::store {
namespace {

constexpr int kWriterFactor = 4; // the WAL size, in thresholds, at which the writer takes over
constexpr int kSqliteDefaultPages = 1000;

sqlite3* handleOf(Poco::Data::Session& session)
{
    return Poco::Data::SQLite::Utility::dbHandle(session);
}

} // namespace

WalCheckpointer::WalCheckpointer(Poco::Data::Session& writer, const std::string& path,
                                 int thresholdPages)
    : writer_(writer), own_(openDatabase(path)), thresholdPages_(std::max(1, thresholdPages)),
      logger_(Poco::Logger::get("ringdesk.store")), thread_("checkpoint")
{
    // Replaces the automatic checkpoint, which is itself a WAL hook.
    sqlite3_wal_hook(handleOf(writer_), &WalCheckpointer::onCommit, this);
}

WalCheckpointer::~WalCheckpointer()
{
    stop();
    sqlite3_wal_autocheckpoint(handleOf(writer_), kSqliteDefaultPages);
}

void WalCheckpointer::start()
{
    thread_.start(*this);
    started_ = true;
}

void WalCheckpointer::stop()
{
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_one();
    // Joined whenever it was started, not when isRunning(): that turns false just before the
    // thread's last steps, and a caller that skipped the join could free what the thread still
    // uses (ThreadSanitizer found it).
    if (started_.exchange(false))
        thread_.join();
}

int WalCheckpointer::onCommit(void* self, sqlite3* db, const char* schema, int walPages)
{
    auto& checkpointer = *static_cast<WalCheckpointer*>(self);
    if (walPages >= kWriterFactor * checkpointer.thresholdPages_) {
        sqlite3_wal_checkpoint_v2(db, schema, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
        ++checkpointer.onWriter_;
    } else if (walPages >= checkpointer.thresholdPages_) {
        {
            std::lock_guard lock(checkpointer.mutex_);
            checkpointer.due_ = true;
        }
        checkpointer.wake_.notify_one();
    }
    return SQLITE_OK;
}

void WalCheckpointer::run()
{
    for (;;) {
        {
            std::unique_lock lock(mutex_);
            wake_.wait(lock, [this] { return stopping_ || due_; });
            if (stopping_)
                return;
            due_ = false;
        }
        int walPages = 0;
        int copied = 0;
        const int rc = sqlite3_wal_checkpoint_v2(handleOf(own_), nullptr, SQLITE_CHECKPOINT_PASSIVE,
                                                 &walPages, &copied);
        ++background_;
        if (rc != SQLITE_OK && rc != SQLITE_BUSY)
            logger_.warning("checkpoint failed: %s", std::string(sqlite3_errstr(rc)));
        else
            logger_.debug("checkpoint: %d of %d WAL pages copied", copied, walPages);
    }
}

} // namespace ringdesk::store
