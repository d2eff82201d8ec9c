#pragma once
// How a ring gets the operator's attention (PRODUCT.md step 4): a desktop notification
// (wxNotificationMessage), a chime that repeats until no ring is open any more (wxSound with
// a WAV generated at start, ring_tone.h; wxBell where sound does not work), and a request for
// attention on the taskbar. Quieter news (team messages, invitations) gets the notification
// and the taskbar request without the chime.

#include <wx/event.h>
#include <wx/sound.h>
#include <wx/timer.h>

#include <memory>
#include <string>

class wxTopLevelWindow;

namespace ringdesk::operator_app {

class RingAlert : public wxEvtHandler
{
public:
    /// `window` is the main window whose taskbar entry asks for attention; it outlives this.
    explicit RingAlert(wxTopLevelWindow* window);
    ~RingAlert() override;

    /// A new ring: notifies with `title` and `message` and starts the chime (if not on).
    void ring(const std::string& title, const std::string& message);
    /// Quieter news: a desktop notification with `title` and `message` and a request for
    /// attention on the taskbar, no chime.
    void notify(const std::string& title, const std::string& message);
    /// No ring is open any more: the chime stops.
    void stop();
    bool ringing() const { return timer_.IsRunning(); }

private:
    void chime();

    wxTopLevelWindow* window_;
    wxTimer timer_;
    std::unique_ptr<wxSound> sound_;
    std::string soundFile_;
};

} // namespace ringdesk::operator_app
