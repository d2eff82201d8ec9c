#include "operator-client/app/colleagues_panel_ui.h"

#include "operator-client/app/status_icon_ui.h"

#include <wx/button.h>
#include <wx/imaglist.h>
#include <wx/listctrl.h>
#include <wx/msgdlg.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textdlg.h>

#include <utility>

namespace ringdesk::operator_app {
namespace {

constexpr int kIconSize = 12;

enum Column
{
    kName,
    kDetail,
};

/// Image list slots: one dot per presence, a grey one for offline / unknown / invitations.
enum Icon
{
    kOnlineIcon,
    kAwayIcon,
    kBusyIcon,
    kGreyIcon,
};

int iconFor(const ColleagueRow& row)
{
    if (row.kind != ColleagueRowKind::Colleague)
        return kGreyIcon;
    const std::optional<Presence> presence = presenceOfStatus(row.status);
    return presence ? static_cast<int>(*presence) : kGreyIcon;
}

wxString utf8(const std::string& text)
{
    return wxString::FromUTF8(text);
}

} // namespace

ColleaguesPanel::ColleaguesPanel(wxWindow* parent, Actions actions)
    : wxPanel(parent), actions_(std::move(actions)), icons_(new wxImageList(kIconSize, kIconSize, true))
{
    for (Presence presence : kPresences)
        icons_->Add(makeStatusBitmap(presence, true, kIconSize));
    icons_->Add(makeStatusBitmap(Presence::Online, false, kIconSize));

    auto* title = new wxStaticText(this, wxID_ANY, "Colleagues");
    title->SetFont(title->GetFont().Bold());
    addButton_ = new wxButton(this, wxID_ANY, wxString::FromUTF8("A&dd colleague\u2026"));
    list_ = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT | wxLC_SINGLE_SEL);
    list_->SetImageList(icons_, wxIMAGE_LIST_SMALL);
    list_->AppendColumn("Colleague", wxLIST_FORMAT_LEFT, 110);
    list_->AppendColumn("Status", wxLIST_FORMAT_LEFT, 170);
    // Compact buttons: the panel shares the top of the window with the rings.
    acceptButton_ = new wxButton(this, wxID_ANY, "Acce&pt", wxDefaultPosition, wxDefaultSize, wxBU_EXACTFIT);
    denyButton_ = new wxButton(this, wxID_ANY, "De&ny", wxDefaultPosition, wxDefaultSize, wxBU_EXACTFIT);
    messageButton_ = new wxButton(this, wxID_ANY, "&Message", wxDefaultPosition, wxDefaultSize, wxBU_EXACTFIT);
    removeButton_ = new wxButton(this, wxID_ANY, "&Withdraw", wxDefaultPosition, wxDefaultSize, wxBU_EXACTFIT);

    auto* bar = new wxBoxSizer(wxHORIZONTAL);
    bar->Add(title, 1, wxALIGN_CENTER_VERTICAL);
    bar->Add(addButton_);
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    for (wxButton* button : {messageButton_, acceptButton_, denyButton_, removeButton_})
        buttons->Add(button, 0, wxRIGHT, 4);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(bar, 0, wxEXPAND | wxALL, 4);
    sizer->Add(list_, 1, wxEXPAND | wxLEFT | wxRIGHT, 4);
    sizer->Add(buttons, 0, wxALL, 4);
    SetSizer(sizer);

    addButton_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { onAdd(); });
    acceptButton_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (const ColleagueRow* row = selected())
            actions_.accept(row->username);
    });
    denyButton_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (const ColleagueRow* row = selected())
            actions_.deny(row->username);
    });
    messageButton_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { onActivated(); });
    removeButton_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { onRemove(); });
    list_->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent&) { onActivated(); });
    list_->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent&) { updateButtons(); });
    list_->Bind(wxEVT_LIST_ITEM_DESELECTED, [this](wxListEvent&) { updateButtons(); });
    updateButtons();
}

ColleaguesPanel::~ColleaguesPanel()
{
    // SetImageList does not take ownership.
    delete icons_;
}

void ColleaguesPanel::show(std::vector<ColleagueRow> rows)
{
    const ColleagueRow* before = selected();
    const std::string keep = before != nullptr ? before->username : std::string();
    rows_ = std::move(rows);
    list_->DeleteAllItems();
    for (std::size_t i = 0; i < rows_.size(); ++i) {
        const ColleagueRow& row = rows_[i];
        const long item = list_->InsertItem(static_cast<long>(i), utf8(row.username), iconFor(row));
        list_->SetItem(item, kDetail, utf8(row.detail));
        if (row.kind == ColleagueRowKind::InvitationToMe)
            list_->SetItemFont(item, list_->GetFont().Bold());
        else if (row.kind == ColleagueRowKind::InvitationSent ||
                 !presenceOfStatus(row.status).has_value())
            list_->SetItemTextColour(item, wxColour(128, 128, 128));
        if (!keep.empty() && row.username == keep)
            list_->SetItemState(item, wxLIST_STATE_SELECTED, wxLIST_STATE_SELECTED);
    }
    updateButtons();
}

const ColleagueRow* ColleaguesPanel::selected() const
{
    const long item = list_->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    if (item < 0 || static_cast<std::size_t>(item) >= rows_.size())
        return nullptr;
    return &rows_[static_cast<std::size_t>(item)];
}

void ColleaguesPanel::updateButtons()
{
    const ColleagueRow* row = selected();
    const bool invitation = row != nullptr && row->kind == ColleagueRowKind::InvitationToMe;
    acceptButton_->Enable(invitation);
    denyButton_->Enable(invitation);
    messageButton_->Enable(row != nullptr && row->kind == ColleagueRowKind::Colleague);
    removeButton_->Enable(row != nullptr && row->kind != ColleagueRowKind::InvitationToMe);
    removeButton_->SetLabel(row != nullptr && row->kind == ColleagueRowKind::InvitationSent ? "&Withdraw"
                                                                                          : "&Remove");
    Layout();
}

void ColleaguesPanel::onActivated()
{
    if (const ColleagueRow* row = selected(); row != nullptr && row->kind == ColleagueRowKind::Colleague)
        actions_.message(row->username);
}

void ColleaguesPanel::onAdd()
{
    wxTextEntryDialog dialog(this, "User name of the colleague to invite:", "Add colleague");
    while (dialog.ShowModal() == wxID_OK) {
        const std::string name = dialog.GetValue().Trim(true).Trim(false).utf8_string();
        if (name.empty())
            continue;
        const std::string error = actions_.add(name);
        if (error.empty())
            return;
        wxMessageBox(utf8(error), "Add colleague", wxOK | wxICON_WARNING, this);
    }
}

void ColleaguesPanel::onRemove()
{
    const ColleagueRow* row = selected();
    if (row == nullptr || row->kind == ColleagueRowKind::InvitationToMe)
        return;
    const std::string name = row->username;
    const std::string question = row->kind == ColleagueRowKind::InvitationSent
                                     ? "Withdraw your invitation to " + name + "?"
                                     : "Remove " + name + " from your colleagues?";
    if (wxMessageBox(utf8(question), "Colleagues", wxYES_NO | wxICON_QUESTION, this) == wxYES)
        actions_.remove(name);
}

} // namespace ringdesk::operator_app
