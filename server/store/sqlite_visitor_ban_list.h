#pragma once
// core::VisitorBanList on the bans table (kind 'visitor'). Used on the dispatcher thread only,
// inside its transactions.

#include "server/core/visitor_ban.h"

#include <Poco/Data/Session.h>

namespace ringdesk::store {

class SqliteVisitorBanList final : public core::VisitorBanList
{
public:
    /// Uses `session` for every statement; the caller owns it and its transactions.
    explicit SqliteVisitorBanList(Poco::Data::Session& session) : session_(session) {}

    /// Active visitor bans. A subject that does not parse (written by hand into the database)
    /// cannot name any visitor and is left out.
    std::vector<core::VisitorBanSubject> activeVisitorBans(std::int64_t nowMs) override;

private:
    Poco::Data::Session& session_;
};

} // namespace ringdesk::store
