#include "operator-client/app/presence.h"

namespace ringdesk::operator_app {

std::string presenceLabel(Presence presence)
{
    return std::string(protocol::userStatusName(static_cast<int>(presence)).value_or(""));
}

std::optional<Presence> presenceOfStatus(int status)
{
    for (Presence presence : kPresences)
        if (static_cast<int>(presence) == status)
            return presence;
    return std::nullopt;
}

bool presenceAlertsRings(Presence presence)
{
    return presence == Presence::Online;
}

} // namespace ringdesk::operator_app
