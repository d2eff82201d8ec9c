#pragma once
// The core's ban checks (core::VisitorBanList, core::UserBanCheck) for the dispatcher thread,
// answered on the store thread by `target` (store::SqliteBans), after the writes queued before.

#include "server/core/user_ban_check.h"
#include "server/core/visitor_ban.h"
#include "server/store/sqlite_bans.h"
#include "server/store/store_thread.h"

namespace ringdesk::store {

class BanListProxy final : public core::VisitorBanList, public core::UserBanCheck
{
public:
    /// `target` (used on `thread` only) and `thread` must outlive this object.
    BanListProxy(SqliteBans& target, StoreThread& thread) : target_(target), thread_(thread) {}

    std::vector<core::VisitorBanSubject> activeVisitorBans(std::int64_t nowMs) override
    {
        return thread_.call([&] { return target_.activeVisitorBans(nowMs); });
    }
    bool isBanned(const std::string& username, std::int64_t nowMs) override
    {
        return thread_.call([&] { return target_.isBanned(username, nowMs); });
    }

private:
    SqliteBans& target_;
    StoreThread& thread_;
};

} // namespace ringdesk::store
