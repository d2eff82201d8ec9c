#include "server/store/sqlite_bans.h"

#include "server/store/ban_repository.h"

namespace ringdesk::store {

std::vector<core::VisitorBanSubject> SqliteBans::activeVisitorBans(std::int64_t nowMs)
{
    std::vector<core::VisitorBanSubject> subjects;
    BanRepository bans(session_);
    for (const BanRow& ban : bans.listActive(nowMs, ban_kind::kVisitor))
        if (std::optional<core::VisitorBanSubject> subject = core::VisitorBanSubject::tryParse(ban.subject))
            subjects.push_back(std::move(*subject));
    return subjects;
}

bool SqliteBans::isBanned(const std::string& username, std::int64_t nowMs)
{
    return BanRepository(session_).active(ban_kind::kUser, username, nowMs).has_value();
}

} // namespace ringdesk::store
