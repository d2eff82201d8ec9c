#pragma once
// The Colleagues panel's content without wx (ColleaguesPanel in colleagues_panel_ui.h shows
// it): colleagues with their live statuses and the invitations waiting in both directions,
// kept from the session's events (operator-client/session/session_events.h). Statuses are user
// status numbers (protocol/user_status.h).

#include "operator-client/session/session_events.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace ringdesk::operator_app {

/// What a row of the Colleagues panel is.
enum class ColleagueRowKind
{
    InvitationToMe, // someone invites this operator: Accept / Deny
    Colleague,      // a colleague: status; double click opens a team tab
    InvitationSent, // this operator invited someone who has not answered yet
};

struct ColleagueRow
{
    ColleagueRowKind kind = ColleagueRowKind::Colleague;
    std::string username;
    /// The colleague's status (user_status::kUnknown for invitation rows).
    int status = protocol::user_status::kUnknown;
    /// The second column: "Online", "Away", "Busy", "Offline", "Unknown" for colleagues,
    /// "invites you" and "invited — no answer yet" for invitations.
    std::string detail;
};

class ColleagueList
{
public:
    /// Takes one session event; returns true when the rows changed. RosterReceived replaces
    /// everything; status changes, invitations, answers and command results adjust it (a
    /// status for a name not listed adds a colleague: the server announces new colleagues so);
    /// a lost connection makes every status unknown until the next roster. Other events are
    /// ignored.
    bool apply(const operator_client::Event& event);

    /// Invitations to this operator (oldest first), then colleagues (Online, Away, Busy, then
    /// Offline or unknown; by name, ignoring case, within each), then invitations sent (by name).
    std::vector<ColleagueRow> rows() const;

    /// The colleague's status, or std::nullopt when `username` is not a colleague.
    std::optional<int> statusOf(const std::string& username) const;

    /// Forgets everything (another account logs in).
    void clear();

private:
    bool setColleague(const std::string& username, int status);
    bool forget(const std::string& username);
    bool removeInvitedBy(const std::string& username);

    std::map<std::string, int> colleagues_;
    std::vector<std::string> invitedBy_; // oldest first, as the server lists them
    std::vector<std::string> invited_;
};

/// "Online", "Away", "Busy", "Offline", or "Unknown" for any other number.
std::string colleagueStatusText(int status);

/// A short sentence for the status bar about the outcome of this operator's colleague command
/// ("Invitation sent to bob.", "Could not invite bob: no such user, or already invited or a
/// colleague.").
std::string describeColleagueResult(const operator_client::ColleagueCommandResult& result);

/// A short sentence about a colleague's answer to this operator's invitation.
std::string describeInvitationAnswer(const operator_client::InvitationAnswered& answer);

} // namespace ringdesk::operator_app
