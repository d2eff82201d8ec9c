#pragma once
// The tray icon (wxTaskBarIcon): shows the operator's status, brings the window back on a
// click, and offers the statuses and Quit in its menu. Closing the main window keeps the app
// here; where the desktop has no tray (TrayIcon::available() false) closing quits instead.

#include "operator-client/app/presence.h"

#include <wx/taskbar.h>

#include <functional>
#include <string>

namespace ringdesk::operator_app {

class TrayIcon : public wxTaskBarIcon
{
public:
    struct Actions
    {
        std::function<void()> show;
        std::function<void(Presence)> setPresence;
        std::function<void()> quit;
    };

    explicit TrayIcon(Actions actions);

    /// Whether this desktop shows tray icons at all.
    static bool available() { return wxTaskBarIcon::IsAvailable(); }

    /// Shows `presence` (grey when not `connected`) with `tooltip`.
    void update(Presence presence, bool connected, const std::string& tooltip);

protected:
    wxMenu* CreatePopupMenu() override;

private:
    Actions actions_;
    Presence presence_ = Presence::Online;
};

} // namespace ringdesk::operator_app
