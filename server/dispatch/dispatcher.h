#pragma once
// The single writer (ARCHITECTURE.md, "Concurrency"): one thread owns the Core and consumes a
// queue of events posted by the front-ends. The core's stores hand their work to the store
// thread (behind core::CommitBarrier: store::StoreThread), and the output of each batch of events is held back
// until everything the batch wrote is committed there, so a message is stored before it is relayed, while the
// dispatcher already runs the next batch (group commit, pipelined).

#include "server/core/commit_barrier.h"
#include "server/core/core.h"
#include "server/core/im_session_manager.h"
#include "server/dispatch/connection_registry.h"
#include "server/dispatch/core_inbox.h"
#include "server/io/thread_affinity.h"

#include <Poco/Logger.h>
#include <Poco/Runnable.h>
#include <Poco/Thread.h>

#include <atomic>
#include <condition_variable>
#include <deque>
#include <functional>
#include <future>
#include <mutex>
#include <utility>
#include <variant>
#include <vector>

namespace ringdesk::dispatch {

class Dispatcher final : public CoreInbox, private Poco::Runnable
{
public:
    using Event = CoreInbox::Event;

    /// `commitBarrier` commits what `store` and `imStore` write (they queue their work there)
    /// and reports when it is committed; each batch's output waits for that. It must run while
    /// the dispatcher does.
    /// `tickInterval` is how often timers are checked. The IM unit (core::ImSessionManager, built
    /// from `imSettings` and `imStore`) is attached to the core: events reach it as
    /// `core.im()`. Logs to logger "ringdesk.core".
    Dispatcher(core::CoreSettings settings, core::ImSettings imSettings, const core::Clock& clock,
               ConnectionRegistry& registry, core::CommitBarrier& commitBarrier, core::ConversationStore& store,
               core::ImStore& imStore, core::Duration tickInterval);
    ~Dispatcher() override;

    /// Starts the thread; restores the conversations an earlier run left open first.
    void start();
    /// Runs what is queued, then stops; returns once the output of every batch was handed to
    /// the connections (or dropped after a failed commit). Idempotent. Never on the dispatcher
    /// thread (it would join itself).
    void stop();

    /// Queues an event; it runs on the dispatcher thread in posting order.
    void post(Event event) override;

    /// Runs `callback` (on the store thread) once the output of every event that ran before the
    /// call was committed and handed to the connections. Callable from any thread.
    void afterDelivery(std::function<void()> callback);

    /// Runs `query` on the dispatcher thread and waits for its result (live views). Never on
    /// the dispatcher thread (it would wait for itself).
    template <typename F>
    auto ask(F query) -> decltype(query(std::declval<const core::Core&>()))
    {
        affinity_.assertNotOnOwner("Dispatcher::ask");
        using Result = decltype(query(std::declval<const core::Core&>()));
        auto promise = std::make_shared<std::promise<Result>>();
        auto result = promise->get_future();
        post([promise, query = std::move(query)](core::Core& core) { promise->set_value(query(core)); });
        return result.get();
    }

    /// Aborts in debug builds unless called on the dispatcher thread (thread_affinity.h).
    void assertInDispatcherThread(const char* caller = __builtin_FUNCTION()) const noexcept
    {
        affinity_.assertOnOwner(caller);
    }

private:
    // Holds the core's output until what the batch wrote is committed.
    class BatchSink final : public core::ConnectionSink, public core::ImsDocumentSink
    {
    public:
        /// Filled by the core, so on the dispatcher thread only (`owner`).
        explicit BatchSink(const io::ThreadAffinity& owner) : owner_(owner) {}

        struct ToOperator
        {
            core::ConnectionId connection;
            nlchat::Packet packet;
        };
        struct ToVisitor
        {
            core::ConnectionId connection;
            visitor::ServerMessage message;
        };
        struct Close
        {
            core::ConnectionId connection;
            std::string reason;
        };
        struct ToIms
        {
            core::ConnectionId connection;
            ims::ServerDocument document;
        };
        using Deliveries = std::vector<std::variant<ToOperator, ToVisitor, Close, ToIms>>;

        void sendToOperator(core::ConnectionId c, const nlchat::Packet& p) override;
        void sendToVisitor(core::ConnectionId c, const visitor::ServerMessage& m) override;
        void close(core::ConnectionId c, const std::string& reason) override;
        void sendToIms(core::ConnectionId c, const ims::ServerDocument& d) override;
        /// What was produced since the last take().
        Deliveries take()
        {
            owner_.assertOnOwner("Dispatcher::BatchSink::take");
            return std::exchange(pending_, {});
        }
        /// Hands `pending` to the connections, in order.
        static void deliver(Deliveries& pending, ConnectionRegistry& target);

    private:
        const io::ThreadAffinity& owner_;
        Deliveries pending_;
    };

    void run() override;
    void runBatch(std::deque<Event>& batch);

    io::ThreadAffinity affinity_; // the dispatcher thread, from the start of run()
    BatchSink sink_{affinity_};
    ConnectionRegistry& registry_;
    core::Core core_;
    core::ImSessionManager im_;
    core::CommitBarrier& commitBarrier_;
    const core::Duration tickInterval_;
    Poco::Logger& logger_;
    Poco::Thread thread_;
    std::atomic<bool> started_{false}; // and not joined yet
    std::mutex mutex_;
    std::condition_variable wake_;
    std::deque<Event> queue_;
    bool stopping_ = false;
};

} // namespace ringdesk::dispatch
