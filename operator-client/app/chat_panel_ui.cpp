#include "operator-client/app/chat_panel_ui.h"

#include "operator-client/app/message_view_ui.h"
#include "operator-client/app/transcript.h"

#include <wx/button.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include <utility>

namespace ringdesk::operator_app {

ChatPanel::ChatPanel(wxWindow* parent, ChatSession session, Actions actions)
    : wxPanel(parent), session_(std::move(session)), actions_(std::move(actions)), typingTimer_(this)
{
    auto* header = new wxStaticText(this, wxID_ANY,
                                    wxString::FromUTF8(session_.visitorLabel() +
                                                       (session_.page().empty() ? "" : "  \u2014  " + session_.page())));
    header->SetFont(header->GetFont().Bold());
    endButton_ = new wxButton(this, wxID_ANY, "&End chat");
    view_ = new MessageView(this,
                            MessageView::Hooks{[this](const std::string& text) { return send(text); },
                                               [this](bool empty) { onInputChanged(empty); }},
                            "Type a message \u2014 Enter sends, Shift+Enter starts a new line");

    auto* top = new wxBoxSizer(wxHORIZONTAL);
    top->Add(header, 1, wxALIGN_CENTER_VERTICAL);
    top->Add(endButton_);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(top, 0, wxEXPAND | wxALL, 4);
    sizer->Add(view_, 1, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, 4);
    SetSizer(sizer);

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
    view_->append(formatTranscriptLine(tsMs != 0 ? tsMs : nowMs(), session_.visitorLabel(), text),
                  MessageView::Voice::Them);
    updateTyping();
}

void ChatPanel::showNote(const std::string& note)
{
    view_->appendNote(note);
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
    view_->disableInput();
    endButton_->SetLabel("&Close tab");
    updateTyping();
}

std::string ChatPanel::submitText(const std::string& text)
{
    return view_->submitText(text);
}

std::string ChatPanel::send(const std::string& text)
{
    if (auto state = debouncer_.sent())
        actions_.sendState(*state);
    typingTimer_.Stop();
    return actions_.send(text);
}

void ChatPanel::onInputChanged(bool empty)
{
    if (session_.isEnded())
        return;
    if (auto state = debouncer_.edited(TypingDebouncer::Clock::now(), empty))
        actions_.sendState(*state);
    if (debouncer_.composing() && !typingTimer_.IsRunning())
        typingTimer_.Start(500);
}

void ChatPanel::updateTyping()
{
    view_->setNotice(session_.typingNotice());
}

} // namespace ringdesk::operator_app
