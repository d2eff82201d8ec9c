#pragma once
// What the dispatcher needs of the store thread: "tell me when everything written so far is
// committed". The dispatcher holds each batch's output until then, so a message is in the
// transcript before anyone sees it (docs/architecture.md, "Group commit"). The store
// (store::StoreThread) implements it; tests can give a fake.

#include <functional>

namespace ringdesk::core {

class CommitBarrier
{
public:
    /// Called with true when the writes queued before it committed, false when they failed.
    using CommitCallback = std::function<void(bool committed)>;

    virtual ~CommitBarrier() = default;

    /// Queues `callback`, run on the store's thread once every write queued before this call
    /// has committed (or failed to). Callable from any thread; never blocks on the disk.
    virtual void afterCommit(CommitCallback callback) = 0;
};

} // namespace ringdesk::core
