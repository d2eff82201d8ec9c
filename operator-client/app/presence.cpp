#include "operator-client/app/presence.h"

namespace ringdesk::operator_app {

std::string presenceLabel(Presence presence)
{
    switch (presence) {
    case Presence::Online:
        return "Online";
    case Presence::Away:
        return "Away";
    case Presence::Busy:
        return "Busy";
    }
    return {};
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
