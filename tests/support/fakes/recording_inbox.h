#pragma once
// A core inbox (dispatch::CoreInbox) that keeps what the front-end posts instead of running it
// on a dispatcher thread, so a test can count the events and then run them, on its own thread,
// against a core it built itself (with core::testing::RecordingSink to see the answers).

#include "server/dispatch/core_inbox.h"

#include <cstddef>
#include <mutex>
#include <utility>
#include <vector>

namespace ringdesk::test_support {

class RecordingInbox final : public dispatch::CoreInbox
{
public:
    void post(Event event) override
    {
        std::lock_guard lock(mutex_);
        events_.push_back(std::move(event));
    }

    /// Events posted and not run yet.
    std::size_t size() const
    {
        std::lock_guard lock(mutex_);
        return events_.size();
    }

    /// Runs every event posted so far on `core`, oldest first, and forgets them; returns how
    /// many ran.
    std::size_t runOn(core::Core& core)
    {
        std::vector<Event> events;
        {
            std::lock_guard lock(mutex_);
            events.swap(events_);
        }
        for (Event& event : events)
            event(core);
        return events.size();
    }

private:
    mutable std::mutex mutex_;
    std::vector<Event> events_;
};

} // namespace ringdesk::test_support
