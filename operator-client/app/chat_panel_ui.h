#pragma once
// One chat tab, the UI half of ChatSession (chat_session.h): the visitor and page, the
// conversation (MessageView: timestamped transcript, "Visitor is typing…", the input), the
// typing state sent through TypingDebouncer, and End chat / Close tab.

#include "operator-client/app/chat_session.h"
#include "operator-client/app/typing_debouncer.h"

#include <wx/panel.h>
#include <wx/timer.h>

#include <cstdint>
#include <functional>
#include <string>

class wxButton;

namespace ringdesk::operator_app {

class MessageView;

class ChatPanel : public wxPanel
{
public:
    struct Actions
    {
        /// Sends a message; returns an error to show, or empty when it was queued.
        std::function<std::string(const std::string& text)> send;
        /// Sends the operator's typing state ("composing", "paused").
        std::function<void(const std::string& state)> sendState;
        /// Ends the chat (disassociate).
        std::function<void()> end;
        /// Closes the tab of an ended chat.
        std::function<void()> close;
    };

    ChatPanel(wxWindow* parent, ChatSession session, Actions actions);

    ChatSession& session() { return session_; }

    /// A visitor message at `tsMs` (ms since the epoch).
    void showVisitorMessage(std::int64_t tsMs, const std::string& text);
    /// A note in the transcript: chat opened, resumed, connection lost...
    void showNote(const std::string& note);
    /// The visitor's typing state (spec 1.1.11).
    void showVisitorState(const std::string& state);
    /// The chat is over: input off, End chat becomes Close tab.
    void markEnded();

    /// Puts `text` in the input and sends it as Enter does: the path the test automation
    /// uses. Returns the text sent (empty when nothing was).
    std::string submitText(const std::string& text);

private:
    std::string send(const std::string& text);
    void onInputChanged(bool empty);
    void updateTyping();

    ChatSession session_;
    Actions actions_;
    TypingDebouncer debouncer_;
    wxTimer typingTimer_;
    MessageView* view_;
    wxButton* endButton_;
};

} // namespace ringdesk::operator_app
