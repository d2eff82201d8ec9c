#include "operator-client/app/ring_alert_ui.h"

#include "operator-client/app/ring_tone.h"

#include <wx/filename.h>
#include <wx/log.h>
#include <wx/notifmsg.h>
#include <wx/toplevel.h>
#include <wx/utils.h>

#include <fstream>

namespace ringdesk::operator_app {
namespace {

/// The chime repeats this often while a ring is open.
constexpr int kRepeatMs = 2500;

} // namespace

RingAlert::RingAlert(wxTopLevelWindow* window) : window_(window), timer_(this)
{
    Bind(wxEVT_TIMER, [this](wxTimerEvent&) { chime(); });
    // A missing sound device must not pop up error dialogs: the bell takes over.
    wxLogNull quiet;
    soundFile_ = wxFileName::CreateTempFileName("ringdesk-ring").utf8_string();
    if (soundFile_.empty())
        return;
    const auto wav = makeRingToneWav();
    std::ofstream(soundFile_, std::ios::binary).write(reinterpret_cast<const char*>(wav.data()),
                                                      static_cast<std::streamsize>(wav.size()));
    auto sound = std::make_unique<wxSound>();
    if (sound->Create(wxString::FromUTF8(soundFile_)) && sound->IsOk())
        sound_ = std::move(sound);
}

RingAlert::~RingAlert()
{
    timer_.Stop();
    sound_.reset();
    if (!soundFile_.empty())
        wxRemoveFile(wxString::FromUTF8(soundFile_));
}

void RingAlert::ring(const std::string& title, const std::string& message)
{
    notify(title, message);
    if (!timer_.IsRunning()) {
        chime();
        timer_.Start(kRepeatMs);
    }
}

void RingAlert::notify(const std::string& title, const std::string& message)
{
    wxNotificationMessage notification(wxString::FromUTF8(title), wxString::FromUTF8(message), window_);
    {
        wxLogNull quiet;
        notification.Show(wxNotificationMessage::Timeout_Auto);
    }
    window_->RequestUserAttention(wxUSER_ATTENTION_INFO);
}

void RingAlert::stop()
{
    timer_.Stop();
    if (sound_)
        wxSound::Stop();
}

void RingAlert::chime()
{
    wxLogNull quiet;
    if (!sound_ || !sound_->Play(wxSOUND_ASYNC))
        wxBell();
}

} // namespace ringdesk::operator_app
