#pragma once
// Where the front-ends post what they heard (ARCHITECTURE.md, "Concurrency"): each event runs
// later on the dispatcher thread, against the core, in posting order. dispatch::Dispatcher is
// the server's inbox; front-end tests give one that records or runs events themselves.

#include "server/core/core.h"

#include <functional>

namespace ringdesk::dispatch {

class CoreInbox
{
public:
    using Event = std::function<void(core::Core&)>;

    virtual ~CoreInbox() = default;
    /// Queues `event` (any thread, never blocks).
    virtual void post(Event event) = 0;
};

} // namespace ringdesk::dispatch
