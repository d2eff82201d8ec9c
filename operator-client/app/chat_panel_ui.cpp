#include "operator-client/app/chat_panel_ui.h"

#include "operator-client/app/transcript.h"

#include <wx/button.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <chrono>
#include <utility>

namespace ringdesk::operator_app {
namespace {

std::int64_t nowMs()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

const wxColour kVisitorColour(20, 80, 160);
const wxColour kOperatorColour(30, 110, 50);
const wxColour kNoteColour(120, 120, 120);

} // namespace

ChatPanel::ChatPanel(wxWindow* parent, ChatSession session, Actions actions)
    : wxPanel(parent), session_(std::move(session)), actions_(std::move(actions)), typingTimer_(this)
{
    auto* header = new wxStaticText(this, wxID_ANY,
                                    wxString::FromUTF8(session_.visitorLabel() +
                                                       (session_.page().empty() ? "" : "  \u2014  " + session_.page())));
    header->SetFont(header->GetFont().Bold());
    endButton_ = new wxButton(this, wxID_ANY, "&End chat");
    transcript_ = new wxTextCtrl(this, wxID_ANY, "", wxDefaultPosition, wxDefaultSize,
                                 wxTE_MULTILINE | wxTE_READONLY | wxTE_RICH2);
    typing_ = new wxStaticText(this, wxID_ANY, "");
    typing_->SetForegroundColour(kNoteColour);
    input_ = new wxTextCtrl(this, wxID_ANY, "", wxDefaultPosition, wxSize(-1, 60), wxTE_MULTILINE);
    input_->SetHint(wxString::FromUTF8("Type a message \u2014 Enter sends, Shift+Enter starts a new line"));
    sendButton_ = new wxButton(this, wxID_ANY, "&Send");

    auto* top = new wxBoxSizer(wxHORIZONTAL);
    top->Add(header, 1, wxALIGN_CENTER_VERTICAL);
    top->Add(endButton_);
    auto* bottom = new wxBoxSizer(wxHORIZONTAL);
    bottom->Add(input_, 1, wxEXPAND);
    bottom->Add(sendButton_, 0, wxEXPAND | wxLEFT, 4);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(top, 0, wxEXPAND | wxALL, 4);
    sizer->Add(transcript_, 1, wxEXPAND | wxLEFT | wxRIGHT, 4);
    sizer->Add(typing_, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, 4);
    sizer->Add(bottom, 0, wxEXPAND | wxALL, 4);
    SetSizer(sizer);

    input_->Bind(wxEVT_KEY_DOWN, &ChatPanel::onKeyDown, this);
    input_->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { onInputChanged(); });
    sendButton_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { submit(); });
    endButton_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (session_.isEnded())
            actions_.close();
        else
            actions_.end();
    });
    Bind(wxEVT_TIMER, [this](wxTimerEvent&) {
        if (auto state = debouncer_.tick(TypingDebouncer::Clock::now()))
            actions_.sendState(*state);
        if (!debouncer_.composing())
            typingTimer_.Stop();
    });
}

void ChatPanel::showVisitorMessage(std::int64_t tsMs, const std::string& text)
{
    append(formatTranscriptLine(tsMs != 0 ? tsMs : nowMs(), session_.visitorLabel(), text), kVisitorColour);
    updateTyping();
}

void ChatPanel::showNote(const std::string& note)
{
    append(formatTranscriptNote(nowMs(), note), kNoteColour);
}

void ChatPanel::showVisitorState(const std::string& state)
{
    session_.visitorState(state);
    updateTyping();
}

void ChatPanel::markEnded()
{
    session_.ended();
    typingTimer_.Stop();
    input_->Disable();
    sendButton_->Disable();
    endButton_->SetLabel("&Close tab");
    updateTyping();
}

std::string ChatPanel::submit()
{
    const std::string text = input_->GetValue().utf8_string();
    if (session_.isEnded() || text.find_first_not_of(" \t\r\n") == std::string::npos)
        return {};
    if (auto state = debouncer_.sent())
        actions_.sendState(*state);
    typingTimer_.Stop();
    if (const std::string error = actions_.send(text); !error.empty()) {
        showNote("not sent: " + error);
        return {};
    }
    append(formatTranscriptLine(nowMs(), "You", text), kOperatorColour);
    input_->ChangeValue("");
    return text;
}

std::string ChatPanel::submitText(const std::string& text)
{
    input_->ChangeValue(wxString::FromUTF8(text));
    return submit();
}

void ChatPanel::onKeyDown(wxKeyEvent& event)
{
    const int key = event.GetKeyCode();
    if ((key == WXK_RETURN || key == WXK_NUMPAD_ENTER) && !event.ShiftDown() && !event.ControlDown()) {
        submit();
        return;
    }
    event.Skip();
}

void ChatPanel::onInputChanged()
{
    if (session_.isEnded())
        return;
    if (auto state = debouncer_.edited(TypingDebouncer::Clock::now(), input_->IsEmpty()))
        actions_.sendState(*state);
    if (debouncer_.composing() && !typingTimer_.IsRunning())
        typingTimer_.Start(500);
}

void ChatPanel::append(const std::string& line, const wxColour& colour)
{
    transcript_->SetDefaultStyle(wxTextAttr(colour));
    if (!transcript_->IsEmpty())
        transcript_->AppendText("\n");
    transcript_->AppendText(wxString::FromUTF8(line));
    transcript_->ShowPosition(transcript_->GetLastPosition());
}

void ChatPanel::updateTyping()
{
    typing_->SetLabel(wxString::FromUTF8(session_.typingNotice()));
}

} // namespace ringdesk::operator_app
