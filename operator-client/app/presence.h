#pragma once
// The operator's own status (PRODUCT.md: "statuses that control ringing"): the user statuses an
// operator chooses from, with the numbers and names of protocol/user_status.h that the protocol
// extension sends (protocol/nlchat_packet.h, SetStatus).

#include "protocol/user_status.h"

#include <array>
#include <optional>
#include <string>

namespace ringdesk::operator_app {

enum class Presence : int
{
    Online = protocol::user_status::kOnline,
    Away = protocol::user_status::kAway,
    Busy = protocol::user_status::kBusy,
};

inline constexpr std::array<Presence, 3> kPresences{Presence::Online, Presence::Away, Presence::Busy};

/// "Online", "Away", "Busy" (protocol::userStatusName).
std::string presenceLabel(Presence presence);

/// The Presence of IMS status number `status` (a colleague's), or std::nullopt for Offline,
/// unknown and any other number.
std::optional<Presence> presenceOfStatus(int status);

/// Whether a ring alerts (sound, notification, taskbar attention) in this status. Away and
/// Busy operators still see rings listed and may accept them, but are not disturbed. The
/// server decides whom it rings from the status it knows; this is the app's own half.
bool presenceAlertsRings(Presence presence);

} // namespace ringdesk::operator_app
