#pragma once
// The session's notification queue: the session thread pushes events, the owner's thread
// takes them. Bounded: a full queue makes the session thread wait for the reader (it then
// stops reading from the server, which in time drops it for not answering probes), so memory
// stays bounded when the application stops reading.

#include "operator-client/session/session_events.h"

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <optional>

namespace ringdesk::operator_client {

class EventQueue
{
public:
    /// `capacity` > 0 events. `onAvailable` (may be empty) is called on the pushing thread,
    /// outside the lock, whenever an event lands in an empty queue: the reader should then
    /// take events with poll() until it returns std::nullopt.
    EventQueue(std::size_t capacity, std::function<void()> onAvailable);

    /// Appends `event`; waits while the queue is full, unless release() was called.
    void push(Event event);

    /// From now on push() never waits (used when the session stops: its last events must
    /// not be held up by a reader that is gone).
    void release();

    /// The oldest event, or std::nullopt when the queue is empty. Any thread.
    std::optional<Event> poll();

    /// The oldest event, waiting up to `timeout` (ms) for one. Any thread.
    std::optional<Event> wait(std::chrono::milliseconds timeout);

private:
    std::optional<Event> takeLocked();

    const std::size_t capacity_;
    const std::function<void()> onAvailable_;
    std::mutex mutex_;
    std::condition_variable notEmpty_;
    std::condition_variable notFull_;
    std::deque<Event> events_;
    bool released_ = false;
};

} // namespace ringdesk::operator_client
