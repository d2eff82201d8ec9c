#pragma once
// The typed send queue of one event-loop connection (a StreamConnection subclass): the
// dispatcher's thread offers items, the loop takes them and turns them into bytes. Once the
// outbox refuses (it overflowed, a last item was queued, or the connection closed) it queues
// nothing more. Thread-safe.

#include <cstddef>
#include <mutex>
#include <utility>
#include <vector>

namespace ringdesk::io {

template <typename Item>
class SendQueue
{
public:
    enum class Offer
    {
        kQueued,     // queued; the loop should flush
        kOverflowed, // no room: everything queued was dropped and the outbox now refuses
        kRefused,    // the outbox already refused; the item was dropped
    };

    /// Queues `item` when `hasRoom(itemsQueuedNow)` is true (see StreamConnection::hasRoomFor).
    template <typename HasRoom>
    Offer offer(Item item, HasRoom&& hasRoom)
    {
        std::lock_guard lock(mutex_);
        if (refusing_)
            return Offer::kRefused;
        if (!hasRoom(items_.size())) {
            refuseLocked();
            return Offer::kOverflowed;
        }
        items_.push_back(std::move(item));
        return Offer::kQueued;
    }

    /// Queues a last item (a close) and refuses from then on; false, with nothing queued, when
    /// the outbox already refused.
    bool offerLast(Item item)
    {
        std::lock_guard lock(mutex_);
        if (refusing_)
            return false;
        refusing_ = true;
        items_.push_back(std::move(item));
        return true;
    }

    /// Drops what is queued and refuses from now on (the connection closed).
    void refuseAll()
    {
        std::lock_guard lock(mutex_);
        refuseLocked();
    }

    /// Everything queued, oldest first; the outbox is empty afterwards.
    std::vector<Item> take()
    {
        std::vector<Item> items;
        std::lock_guard lock(mutex_);
        items.swap(items_);
        return items;
    }

private:
    void refuseLocked()
    {
        refusing_ = true;
        items_.clear();
    }

    std::mutex mutex_;
    std::vector<Item> items_;
    bool refusing_ = false;
};

} // namespace ringdesk::io
