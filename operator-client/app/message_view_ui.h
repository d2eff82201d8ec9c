#pragma once
// The conversation part a visitor chat tab (ChatPanel) and a team tab (TeamPanel) share: the
// timestamped transcript in three voices, a notice line under it ("… is typing", "… is
// offline"), and the input where Enter sends and Shift+Enter starts a new line.

#include <wx/panel.h>

#include <cstdint>
#include <functional>
#include <string>

class wxButton;
class wxStaticText;
class wxTextCtrl;

namespace ringdesk::operator_app {

class MessageView : public wxPanel
{
public:
    /// Who a transcript line is from: the other side, this operator, or a note.
    enum class Voice
    {
        Them,
        You,
        Note,
    };

    struct Hooks
    {
        /// Sends `text` (not blank); returns an error to show, or empty when it was queued.
        std::function<std::string(const std::string& text)> send;
        /// The input changed; `empty` tells whether it is empty now (may be left empty).
        std::function<void(bool empty)> edited;
    };

    MessageView(wxWindow* parent, Hooks hooks, const std::string& hint);

    /// Appends a line as given (see transcript.h for the line formats) in `voice`'s colour.
    void append(const std::string& line, Voice voice);
    /// Appends "[HH:MM] — note —" at the current time.
    void appendNote(const std::string& note);
    /// The line under the transcript; empty hides nothing, it just shows no text.
    void setNotice(const std::string& notice);
    /// The conversation is over: the input and Send are disabled for good.
    void disableInput();

    /// Sends what the input holds, as Enter and the Send button do: nothing for blank input or
    /// after disableInput(); on success the text is shown as "You" and the input cleared, on
    /// failure the error is shown as a note. Returns the text sent (empty when nothing was).
    std::string submit();
    /// Puts `text` in the input and submit()s it: the path the test automation uses.
    std::string submitText(const std::string& text);

private:
    void onKeyDown(wxKeyEvent& event);

    Hooks hooks_;
    wxTextCtrl* transcript_;
    wxStaticText* notice_;
    wxTextCtrl* input_;
    wxButton* sendButton_;
    bool enabled_ = true;
};

} // namespace ringdesk::operator_app
