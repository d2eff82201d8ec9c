#include "server/store/sqlite_visitor_ban_list.h"

#include "server/store/ban_repository.h"

namespace ringdesk::store {

std::vector<core::VisitorBanSubject> SqliteVisitorBanList::activeVisitorBans(std::int64_t nowMs)
{
    std::vector<core::VisitorBanSubject> subjects;
    BanRepository bans(session_);
    for (const BanRow& ban : bans.listActive(nowMs, ban_kind::kVisitor))
        if (std::optional<core::VisitorBanSubject> subject = core::VisitorBanSubject::tryParse(ban.subject))
            subjects.push_back(std::move(*subject));
    return subjects;
}

} // namespace ringdesk::store
