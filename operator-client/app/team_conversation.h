#pragma once
// One team conversation as its tab shows it, without wx (TeamPanel in team_panel_ui.h is the UI
// half): the colleague, the unread marker, the tab title and the transcript lines of team
// messages (operator_client::TeamMessageReceived), with those that waited on the server while
// this operator was offline marked as such.

#include "operator-client/app/unread_count.h"
#include "operator-client/session/session_events.h"

#include <cstdint>
#include <string>

namespace ringdesk::operator_app {

class TeamConversation
{
public:
    /// The conversation with user `colleague` (a colleague or not: anyone may write).
    explicit TeamConversation(std::string colleague);

    const std::string& colleague() const { return colleague_; }

    /// A message from the colleague arrived; it counts as unread unless the tab is looked at.
    void messageArrived(bool tabVisible) { unread_.arrived(tabVisible); }
    void viewed() { unread_.viewed(); }
    int unread() const { return unread_.count(); }

    /// "Team · NAME", marked "• Team · NAME (2)" with unread messages.
    std::string tabTitle() const;

    /// The transcript line of `message` as shown at `nowMs` (ms since the epoch):
    /// "[HH:MM] NAME: text", with the date when it was not sent today, and "NAME (while you
    /// were offline)" for a message that waited for this login.
    static std::string lineFor(const operator_client::TeamMessageReceived& message, std::int64_t nowMs);

    /// A note for the transcript about a message this operator sent (empty when it was simply
    /// delivered): stored for the colleague's next login, or not delivered (no such user).
    std::string deliveryNote(operator_client::TeamDelivery delivery) const;

    /// The line under the transcript for a colleague with `status` (a user status number):
    /// "NAME is offline — messages wait for their next login." for Offline, empty otherwise
    /// (unknown says nothing either way).
    std::string availabilityNotice(int status) const;

private:
    std::string colleague_;
    UnreadCount unread_;
};

} // namespace ringdesk::operator_app
