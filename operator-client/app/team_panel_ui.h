#pragma once
// One team-message tab, the UI half of TeamConversation (team_conversation.h): the colleague
// with a status dot and text, the conversation (MessageView: timestamped transcript with
// messages that waited while this operator was offline marked, the input), and Close tab.

#include "operator-client/app/team_conversation.h"

#include <wx/panel.h>

#include <cstdint>
#include <functional>
#include <string>

class wxStaticBitmap;
class wxStaticText;

namespace ringdesk::operator_app {

class MessageView;

class TeamPanel : public wxPanel
{
public:
    struct Actions
    {
        /// Sends a team message to the colleague; returns an error to show, or empty when it
        /// was queued.
        std::function<std::string(const std::string& text)> send;
        /// Closes the tab.
        std::function<void()> close;
    };

    /// `status`: the colleague's status as known now (a user status number, protocol/user_status.h).
    TeamPanel(wxWindow* parent, TeamConversation conversation, int status, Actions actions);

    TeamConversation& conversation() { return conversation_; }

    /// A message from the colleague (TeamConversation::lineFor).
    void showMessage(const operator_client::TeamMessageReceived& message);
    /// What became of a message this operator sent: a note unless simply delivered.
    void showDelivery(operator_client::TeamDelivery delivery);
    /// A note in the transcript (connection lost, reconnected).
    void showNote(const std::string& note);
    /// The colleague's status changed (header dot and text, the offline notice).
    void showStatus(int status);

    /// Puts `text` in the input and sends it as Enter does: the path the test automation uses.
    std::string submitText(const std::string& text);

private:
    TeamConversation conversation_;
    Actions actions_;
    wxStaticBitmap* dot_;
    wxStaticText* header_;
    MessageView* view_;
};

} // namespace ringdesk::operator_app
