#pragma once
// One relay under test, seen as `pairs()` one-way channels: text sent on a pair's sending end
// comes out at its receiving end. The Ringdesk server (visitor → operator), the minimal epoll
// relay and Mosquitto each implement it, so one driver (relay_driver.h) measures all three.

#include "event_loop.h"

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

namespace ringdesk::bench {

class RelayTransport
{
public:
    virtual ~RelayTransport() = default;

    virtual std::size_t pairs() const = 0;
    /// Sends `payload` (no '\n') on pair `pair`'s sending end; blocks until the kernel has it.
    virtual void send(std::size_t pair, const std::string& payload) = 0;
    /// Watches every socket on `loop` (both ends: a relay's echoes must be drained too);
    /// each payload arriving at a receiving end goes to `onPayload`.
    virtual void attach(EventLoop& loop,
                        std::function<void(std::size_t pair, std::string_view payload)> onPayload) = 0;
    virtual void detach(EventLoop& loop) = 0;
};

} // namespace ringdesk::bench
