#include "operator-client/app/event_pump_ui.h"

#include <wx/app.h>

#include <utility>

namespace ringdesk::operator_app {

std::shared_ptr<EventPump> EventPump::create(wxEvtHandler* owner, std::function<void()> drain)
{
    return std::shared_ptr<EventPump>(new EventPump(owner, std::move(drain)));
}

EventPump::EventPump(wxEvtHandler* owner, std::function<void()> drain)
    : owner_(owner), drain_(std::move(drain))
{
}

std::function<void()> EventPump::notifier()
{
    // The session thread only copies a shared_ptr and queues an event: wxEvtHandler::CallAfter
    // (QueueEvent) is thread-safe, the weak reference is read on the UI thread alone.
    return [self = shared_from_this()] { self->post(); };
}

void EventPump::post()
{
    if (posted_.exchange(true))
        return;
    if (wxTheApp != nullptr)
        wxTheApp->CallAfter([self = shared_from_this()] { self->deliver(); });
}

void EventPump::deliver()
{
    // Cleared before draining: an event that lands during the drain posts a new delivery.
    posted_ = false;
    if (owner_ && drain_)
        drain_();
}

} // namespace ringdesk::operator_app
