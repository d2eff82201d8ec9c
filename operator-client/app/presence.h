#pragma once
// The operator's own status (PRODUCT.md: "statuses that control ringing"). The numbers are
// the IMS ones the protocol extension uses (protocol/nlchat_packet.h, SetStatus): 0 Online,
// 1 Away, 2 Busy (ims-xml-protocol.txt, STATUS).

#include <array>
#include <optional>
#include <string>

namespace ringdesk::operator_app {

enum class Presence : int
{
    Online = 0,
    Away = 1,
    Busy = 2,
};

inline constexpr std::array<Presence, 3> kPresences{Presence::Online, Presence::Away, Presence::Busy};

/// "Online", "Away", "Busy".
std::string presenceLabel(Presence presence);

/// The Presence of IMS status number `status` (a colleague's), or std::nullopt for Offline (3),
/// unknown (-1) and any other number.
std::optional<Presence> presenceOfStatus(int status);

/// Whether a ring alerts (sound, notification, taskbar attention) in this status. Away and
/// Busy operators still see rings listed and may accept them, but are not disturbed. The
/// server decides whom it rings from the status it knows; this is the app's own half.
bool presenceAlertsRings(Presence presence);

} // namespace ringdesk::operator_app
