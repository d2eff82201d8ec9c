// Visitor bans (docs/admin.md, "Bans"): a banned visitor is told that chat is unavailable and
// nobody is rung for it.
#include "server/core/core.h"

#include <algorithm>

namespace ringdesk::core {

void Core::attachVisitorBans(VisitorBanList& bans) { visitorBans_ = &bans; }

bool Core::checkVisitorBan(VisitorSession& session)
{
    if (visitorBans_ == nullptr)
        return session.banned = false;
    const std::vector<VisitorBanSubject> bans = visitorBans_->activeVisitorBans(clock_.epochMs());
    session.banned = std::any_of(bans.begin(), bans.end(), [&](const VisitorBanSubject& ban) {
        return ban.matches(session.visitorId, session.address);
    });
    return session.banned;
}

void Core::refuseVisitor(ConnectionId connection, VisitorSession& session)
{
    // The live conversation ends as if the visitor had closed it: a ring is withdrawn, an
    // operator in the chat gets `disassociate`.
    onVisitorClose(session);
    sink_.sendToVisitor(connection, visitor::StateChange{visitor::state::kUnavailable, 0, {}});
}

std::size_t Core::enforceVisitorBans()
{
    if (visitorBans_ == nullptr)
        return 0;
    const std::vector<VisitorBanSubject> bans = visitorBans_->activeVisitorBans(clock_.epochMs());
    std::size_t refused = 0;
    for (auto& entry : visitors_) {
        const ConnectionId connection = entry.first;
        auto& session = entry.second;
        if (session.visitorId.empty())
            continue; // checked at its hello
        const bool banned = std::any_of(bans.begin(), bans.end(), [&](const VisitorBanSubject& ban) {
            return ban.matches(session.visitorId, session.address);
        });
        if (banned == session.banned)
            continue;
        session.banned = banned;
        if (banned) {
            refuseVisitor(connection, session);
            ++refused;
        } else {
            sink_.sendToVisitor(connection, visitor::StateChange{visitor::state::kIdle, 0, {}});
        }
    }
    return refused;
}

} // namespace ringdesk::core
