#include "operator-client/app/message_view_ui.h"

#include "operator-client/app/transcript.h"

#include <wx/button.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <utility>

namespace ringdesk::operator_app {
namespace {

wxColour colourOf(MessageView::Voice voice)
{
    switch (voice) {
    case MessageView::Voice::Them:
        return {20, 80, 160};
    case MessageView::Voice::You:
        return {30, 110, 50};
    case MessageView::Voice::Note:
        return {120, 120, 120};
    }
    return {0, 0, 0};
}

} // namespace

MessageView::MessageView(wxWindow* parent, Hooks hooks, const std::string& hint)
    : wxPanel(parent), hooks_(std::move(hooks))
{
    transcript_ = new wxTextCtrl(this, wxID_ANY, "", wxDefaultPosition, wxDefaultSize,
                                 wxTE_MULTILINE | wxTE_READONLY | wxTE_RICH2);
    notice_ = new wxStaticText(this, wxID_ANY, "");
    notice_->SetForegroundColour(colourOf(Voice::Note));
    input_ = new wxTextCtrl(this, wxID_ANY, "", wxDefaultPosition, wxSize(-1, 60), wxTE_MULTILINE);
    input_->SetHint(wxString::FromUTF8(hint));
    sendButton_ = new wxButton(this, wxID_ANY, "&Send");

    auto* bottom = new wxBoxSizer(wxHORIZONTAL);
    bottom->Add(input_, 1, wxEXPAND);
    bottom->Add(sendButton_, 0, wxEXPAND | wxLEFT, 4);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(transcript_, 1, wxEXPAND);
    sizer->Add(notice_, 0, wxEXPAND | wxTOP, 4);
    sizer->Add(bottom, 0, wxEXPAND | wxTOP, 4);
    SetSizer(sizer);

    input_->Bind(wxEVT_KEY_DOWN, &MessageView::onKeyDown, this);
    input_->Bind(wxEVT_TEXT, [this](wxCommandEvent&) {
        if (enabled_ && hooks_.edited)
            hooks_.edited(input_->IsEmpty());
    });
    sendButton_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { submit(); });
}

void MessageView::append(const std::string& line, Voice voice)
{
    transcript_->SetDefaultStyle(wxTextAttr(colourOf(voice)));
    if (!transcript_->IsEmpty())
        transcript_->AppendText("\n");
    transcript_->AppendText(wxString::FromUTF8(line));
    transcript_->ShowPosition(transcript_->GetLastPosition());
}

void MessageView::appendNote(const std::string& note)
{
    append(formatTranscriptNote(nowMs(), note), Voice::Note);
}

void MessageView::setNotice(const std::string& notice)
{
    notice_->SetLabel(wxString::FromUTF8(notice));
}

void MessageView::disableInput()
{
    enabled_ = false;
    input_->Disable();
    sendButton_->Disable();
}

std::string MessageView::submit()
{
    const std::string text = input_->GetValue().utf8_string();
    if (!enabled_ || text.find_first_not_of(" \t\r\n") == std::string::npos)
        return {};
    if (const std::string error = hooks_.send(text); !error.empty()) {
        appendNote("not sent: " + error);
        return {};
    }
    append(formatTranscriptLine(nowMs(), "You", text), Voice::You);
    input_->ChangeValue("");
    return text;
}

std::string MessageView::submitText(const std::string& text)
{
    input_->ChangeValue(wxString::FromUTF8(text));
    return submit();
}

void MessageView::onKeyDown(wxKeyEvent& event)
{
    const int key = event.GetKeyCode();
    if ((key == WXK_RETURN || key == WXK_NUMPAD_ENTER) && !event.ShiftDown() && !event.ControlDown()) {
        submit();
        return;
    }
    event.Skip();
}

} // namespace ringdesk::operator_app
