#pragma once
// The core's view of the bans table (db/migrations/0002_accounts.sql): active visitor bans
// (core::VisitorBanList) and user bans (core::UserBanCheck). Used on the store thread only;
// the dispatcher reaches it through store::BanListProxy.

#include "server/core/user_ban_check.h"
#include "server/core/visitor_ban.h"

#include <Poco/Data/Session.h>

namespace ringdesk::store {

class SqliteBans final : public core::VisitorBanList, public core::UserBanCheck
{
public:
    /// Uses `session` for every statement; the caller owns it and its transactions.
    explicit SqliteBans(Poco::Data::Session& session) : session_(session) {}

    /// Active visitor bans. A subject that does not parse (written by hand into the database)
    /// cannot name any visitor and is left out.
    std::vector<core::VisitorBanSubject> activeVisitorBans(std::int64_t nowMs) override;
    bool isBanned(const std::string& username, std::int64_t nowMs) override;

private:
    Poco::Data::Session& session_;
};

} // namespace ringdesk::store
