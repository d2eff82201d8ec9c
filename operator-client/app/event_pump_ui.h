#pragma once
// The hop from the session thread to the UI thread (CONVENTIONS.md, the FileZilla/Poedit
// paragraph): OperatorEngine calls its "events available" callback on its own thread; the
// pump posts a call to the UI thread with wxApp::CallAfter, and there, only if the owning
// window still exists (wxWeakRef), drains the queue. A late notification for a closed window
// is dropped without touching it.

#include <wx/event.h>
#include <wx/weakref.h>

#include <atomic>
#include <functional>
#include <memory>

namespace ringdesk::operator_app {

class EventPump : public std::enable_shared_from_this<EventPump>
{
public:
    /// UI thread only: `owner` is the window whose life bounds the deliveries; `drain` reads
    /// the session's queue (OperatorEngine::pollEvent until empty) on the UI thread.
    static std::shared_ptr<EventPump> create(wxEvtHandler* owner, std::function<void()> drain);

    /// The callback to give OperatorEngine: callable from any thread, returns at once.
    /// Notifications that arrive while a delivery is already posted are merged into it.
    std::function<void()> notifier();

    /// Stops deliveries from now on (UI thread), e.g. before the session is replaced.
    void cancel() { drain_ = nullptr; }

private:
    EventPump(wxEvtHandler* owner, std::function<void()> drain);
    void post();
    void deliver();

    wxWeakRef<wxEvtHandler> owner_;
    std::function<void()> drain_;
    std::atomic<bool> posted_{false};
};

} // namespace ringdesk::operator_app
