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

bool presenceAlertsRings(Presence presence)
{
    return presence == Presence::Online;
}

} // namespace ringdesk::operator_app
