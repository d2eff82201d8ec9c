#include "server/dispatch/dispatcher.h"

#include <Poco/Exception.h>

namespace ringdesk::dispatch {

void Dispatcher::BatchSink::sendToOperator(core::ConnectionId c, const nlchat::Packet& p)
{
    owner_.assertOnOwner();
    pending_.emplace_back(ToOperator{c, p});
}

void Dispatcher::BatchSink::sendToVisitor(core::ConnectionId c, const visitor::ServerMessage& m)
{
    owner_.assertOnOwner();
    pending_.emplace_back(ToVisitor{c, m});
}

void Dispatcher::BatchSink::close(core::ConnectionId c, const std::string& reason)
{
    owner_.assertOnOwner();
    pending_.emplace_back(Close{c, reason});
}

void Dispatcher::BatchSink::sendToIms(core::ConnectionId c, const ims::ServerDocument& d)
{
    owner_.assertOnOwner();
    pending_.emplace_back(ToIms{c, d});
}

void Dispatcher::BatchSink::deliver(Deliveries& pending, ConnectionRegistry& target)
{
    for (auto& item : pending) {
        if (auto* op = std::get_if<ToOperator>(&item))
            target.sendToOperator(op->connection, op->packet);
        else if (auto* vis = std::get_if<ToVisitor>(&item))
            target.sendToVisitor(vis->connection, vis->message);
        else if (auto* closing = std::get_if<Close>(&item))
            target.close(closing->connection, closing->reason);
        else if (auto* im = std::get_if<ToIms>(&item))
            target.sendToIms(im->connection, im->document);
    }
}

Dispatcher::Dispatcher(core::CoreSettings settings, core::ImSettings imSettings, const core::Clock& clock,
                       ConnectionRegistry& registry, core::CommitBarrier& commitBarrier,
                       core::ConversationStore& store, core::ImStore& imStore, core::Duration tickInterval)
    : registry_(registry), core_(settings, clock, sink_, store), im_(imSettings, clock, sink_, sink_, imStore),
      commitBarrier_(commitBarrier), tickInterval_(tickInterval), logger_(Poco::Logger::get("ringdesk.core")),
      thread_("dispatcher")
{
    core_.attachIm(im_);
}

Dispatcher::~Dispatcher() { stop(); }

void Dispatcher::start()
{
    post([](core::Core& core) { core.restoreOpenConversations(); });
    thread_.start(*this);
    started_ = true;
}

void Dispatcher::stop()
{
    affinity_.assertNotOnOwner();
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_one();
    // Joined whenever it was started, not when isRunning(): that turns false just before the
    // thread's last steps, and a caller that skipped the join could free what the thread still
    // uses (ThreadSanitizer found it).
    if (started_.exchange(false))
        thread_.join();
    // The output of the last batches waits on the store thread and refers to this object:
    // it is delivered before stop() returns.
    std::promise<void> delivered;
    commitBarrier_.afterCommit([&delivered](bool) { delivered.set_value(); });
    delivered.get_future().wait();
}

void Dispatcher::post(Event event)
{
    {
        std::lock_guard lock(mutex_);
        queue_.push_back(std::move(event));
    }
    wake_.notify_one();
}

void Dispatcher::afterDelivery(std::function<void()> callback)
{
    // Runs in a later batch than the events before it; every earlier batch handed its output
    // to the store thread when it ended, so this callback is queued behind those.
    post([this, callback = std::move(callback)](core::Core&) {
        commitBarrier_.afterCommit([callback](bool) { callback(); });
    });
}

void Dispatcher::run()
{
    affinity_.bindToCurrentThread();
    for (;;) {
        std::deque<Event> batch;
        bool last = false;
        {
            std::unique_lock lock(mutex_);
            wake_.wait_for(lock, tickInterval_, [this] { return stopping_ || !queue_.empty(); });
            batch.swap(queue_);
            last = stopping_;
        }
        runBatch(batch);
        if (last)
            return;
    }
}

void Dispatcher::runBatch(std::deque<Event>& batch)
{
    assertInDispatcherThread();
    for (Event& event : batch) {
        try {
            event(core_);
        } catch (const Poco::Exception& e) {
            // A failed event is logged and skipped; the writes it queued are still stored.
            logger_.error("event failed: %s", e.displayText());
        } catch (const std::exception& e) {
            logger_.error("event failed: %s", std::string(e.what()));
        }
    }
    core_.tick();
    BatchSink::Deliveries pending = sink_.take();
    if (pending.empty())
        return;
    auto shared = std::make_shared<BatchSink::Deliveries>(std::move(pending));
    const std::size_t events = batch.size();
    commitBarrier_.afterCommit([this, shared, events](bool committed) {
        if (committed) {
            BatchSink::deliver(*shared, registry_);
            return;
        }
        // The batch could not be stored: nothing it produced is sent, so no peer sees a
        // message that is not in the transcript.
        logger_.critical("output of a batch of %z events dropped: its writes were not stored", events);
    });
}

} // namespace ringdesk::dispatch
