#include "operator-client/session/event_queue.h"

#include <stdexcept>

namespace ringdesk::operator_client {

EventQueue::EventQueue(std::size_t capacity, std::function<void()> onAvailable)
    : capacity_(capacity), onAvailable_(std::move(onAvailable))
{
    if (capacity == 0)
        throw std::invalid_argument("the event queue needs room for at least one event");
}

void EventQueue::push(Event event)
{
    bool wasEmpty = false;
    {
        std::unique_lock lock(mutex_);
        notFull_.wait(lock, [this] { return released_ || events_.size() < capacity_; });
        wasEmpty = events_.empty();
        events_.push_back(std::move(event));
    }
    notEmpty_.notify_one();
    if (wasEmpty && onAvailable_)
        onAvailable_();
}

void EventQueue::release()
{
    {
        std::lock_guard lock(mutex_);
        released_ = true;
    }
    notFull_.notify_all();
}

std::optional<Event> EventQueue::poll()
{
    std::lock_guard lock(mutex_);
    return takeLocked();
}

std::optional<Event> EventQueue::wait(std::chrono::milliseconds timeout)
{
    std::unique_lock lock(mutex_);
    notEmpty_.wait_for(lock, timeout, [this] { return !events_.empty(); });
    return takeLocked();
}

std::optional<Event> EventQueue::takeLocked()
{
    if (events_.empty())
        return std::nullopt;
    Event event = std::move(events_.front());
    events_.pop_front();
    notFull_.notify_one();
    return event;
}

} // namespace ringdesk::operator_client
