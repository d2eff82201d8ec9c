#pragma once
// A user's status (Online, Away, ...), one set of numbers for both protocols: IMS STATUS
// `code`/`result`, USER `status` inside FRIENDS (ims-xml-protocol.txt, "Client->Server: STATUS"
// and "FRIEND") and the NL chat extensions `set_status`, `status_update` and `roster`
// (docs/protocol.md, "IM extensions"). Not to be confused with presence, the liveness that
// probe/probeACK track (nlchat-protocol.txt 2.4).
//
// The spec lets a server choose its statuses and name them in STATUSLIST. Ringdesk's are the
// ones below: db/migrations/0002_accounts.sql seeds them into the `statuses` table that
// STATUS type="list" serves and `set_status` is checked against (a store test checks the two
// agree), and the operator app and the admin views name them with userStatusName(). Wire
// values: never change or reuse one.

#include <optional>
#include <string_view>

namespace ringdesk::protocol {

namespace user_status {
/// STATUS type="get" result and USER status when the status is not known ("-1 if unknown").
/// Never stored and never set.
inline constexpr int kUnknown = -1;
/// Available; the only status in which an operator is rung.
inline constexpr int kOnline = 0;
inline constexpr int kAway = 1;
inline constexpr int kBusy = 2;
/// Not logged in (a friend's status in a roster); a user may also set it to appear offline.
inline constexpr int kOffline = 3;
} // namespace user_status

/// The name of status number `status` as STATUSLIST spells it: "Online", "Away", "Busy",
/// "Offline"; std::nullopt for kUnknown and any other number (each caller says "unknown" in
/// its own words).
constexpr std::optional<std::string_view> userStatusName(int status)
{
    switch (status) {
    case user_status::kOnline:
        return "Online";
    case user_status::kAway:
        return "Away";
    case user_status::kBusy:
        return "Busy";
    case user_status::kOffline:
        return "Offline";
    default:
        return std::nullopt;
    }
}

} // namespace ringdesk::protocol
