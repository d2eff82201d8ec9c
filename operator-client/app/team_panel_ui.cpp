#include "operator-client/app/team_panel_ui.h"

#include "operator-client/app/colleague_list.h"
#include "operator-client/app/message_view_ui.h"
#include "operator-client/app/status_icon_ui.h"
#include "operator-client/app/transcript.h"

#include <wx/button.h>
#include <wx/sizer.h>
#include <wx/statbmp.h>
#include <wx/stattext.h>

#include <utility>

namespace ringdesk::operator_app {
namespace {

constexpr int kDotSize = 12;

wxBitmap dotFor(int status)
{
    const std::optional<Presence> presence = presenceOfStatus(status);
    return makeStatusBitmap(presence.value_or(Presence::Online), presence.has_value(), kDotSize);
}

} // namespace

TeamPanel::TeamPanel(wxWindow* parent, TeamConversation conversation, int status, Actions actions)
    : wxPanel(parent), conversation_(std::move(conversation)), actions_(std::move(actions))
{
    dot_ = new wxStaticBitmap(this, wxID_ANY, dotFor(status));
    header_ = new wxStaticText(this, wxID_ANY, "");
    header_->SetFont(header_->GetFont().Bold());
    auto* closeButton = new wxButton(this, wxID_ANY, "&Close tab");
    view_ = new MessageView(this, MessageView::Hooks{actions_.send, {}},
                            "Message to " + conversation_.colleague() +
                                " \u2014 Enter sends, Shift+Enter starts a new line");

    auto* top = new wxBoxSizer(wxHORIZONTAL);
    top->Add(dot_, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 6);
    top->Add(header_, 1, wxALIGN_CENTER_VERTICAL);
    top->Add(closeButton);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(top, 0, wxEXPAND | wxALL, 4);
    sizer->Add(view_, 1, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, 4);
    SetSizer(sizer);

    closeButton->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { actions_.close(); });
    showStatus(status);
}

void TeamPanel::showMessage(const operator_client::TeamMessageReceived& message)
{
    view_->append(TeamConversation::lineFor(message, nowMs()), MessageView::Voice::Them);
}

void TeamPanel::showDelivery(operator_client::TeamDelivery delivery)
{
    if (const std::string note = conversation_.deliveryNote(delivery); !note.empty())
        view_->appendNote(note);
}

void TeamPanel::showNote(const std::string& note)
{
    view_->appendNote(note);
}

void TeamPanel::showStatus(int status)
{
    dot_->SetBitmap(dotFor(status));
    header_->SetLabel(wxString::FromUTF8("Team messages with " + conversation_.colleague() + "  \u2014  " +
                                         colleagueStatusText(status)));
    view_->setNotice(conversation_.availabilityNotice(status));
    Layout();
}

std::string TeamPanel::submitText(const std::string& text)
{
    return view_->submitText(text);
}

} // namespace ringdesk::operator_app
