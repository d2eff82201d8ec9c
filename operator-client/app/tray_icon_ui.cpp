#include "operator-client/app/tray_icon_ui.h"

#include "operator-client/app/status_icon_ui.h"

#include <wx/icon.h>
#include <wx/menu.h>

#include <utility>

namespace ringdesk::operator_app {

TrayIcon::TrayIcon(Actions actions) : actions_(std::move(actions))
{
    Bind(wxEVT_TASKBAR_LEFT_DOWN, [this](wxTaskBarIconEvent&) { actions_.show(); });
}

void TrayIcon::update(Presence presence, bool connected, const std::string& tooltip)
{
    presence_ = presence;
    wxIcon icon;
    icon.CopyFromBitmap(makeStatusBitmap(presence, connected, 22));
    SetIcon(icon, wxString::FromUTF8(tooltip));
}

wxMenu* TrayIcon::CreatePopupMenu()
{
    // wxTaskBarIcon deletes the menu after showing it.
    auto* menu = new wxMenu;
    const wxMenuItem* show = menu->Append(wxID_ANY, "Show Ringdesk");
    menu->Bind(wxEVT_MENU, [this](wxCommandEvent&) { actions_.show(); }, show->GetId());
    menu->AppendSeparator();
    for (Presence presence : kPresences) {
        wxMenuItem* item = menu->AppendRadioItem(wxID_ANY, wxString::FromUTF8(presenceLabel(presence)));
        item->Check(presence == presence_);
        menu->Bind(wxEVT_MENU, [this, presence](wxCommandEvent&) { actions_.setPresence(presence); }, item->GetId());
    }
    menu->AppendSeparator();
    menu->Append(wxID_EXIT, "Quit");
    menu->Bind(wxEVT_MENU, [this](wxCommandEvent&) { actions_.quit(); }, wxID_EXIT);
    return menu;
}

} // namespace ringdesk::operator_app
