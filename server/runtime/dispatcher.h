#pragma once
// The single writer (ARCHITECTURE.md, "Concurrency"): one thread owns the Core and consumes a
// queue of events posted by the front-ends. The core's stores hand their work to the store
// thread (store::StoreThread), and the output of each batch of events is held back until
// everything the batch wrote is committed there, so a message is stored before it is relayed,
// while the dispatcher already runs the next batch (group commit, pipelined).

#include "server/core/core.h"
#include "server/core/im_directory.h"
#include "server/runtime/connection_registry.h"
#include "server/runtime/core_inbox.h"
#include "server/store/store_thread.h"

#include <Poco/Logger.h>
#include <Poco/Runnable.h>
#include <Poco/Thread.h>

#include <condition_variable>
#include <deque>
#include <functional>
#include <future>
#include <mutex>
#include <utility>
#include <variant>
#include <vector>

namespace ringdesk::runtime {

class Dispatcher final : public CoreInbox, private Poco::Runnable
{
public:
    using Event = CoreInbox::Event;

    /// `storeThread` runs what `store` and `imStore` write (they queue their work there) and
    /// commits it before each batch's output is sent; it must run while the dispatcher does.
    /// `tickInterval` is how often timers are checked. The IM unit (core::ImDirectory, built
    /// from `imSettings` and `imStore`) is attached to the core: events reach it as
    /// `core.im()`. Logs to logger "ringdesk.core".
    Dispatcher(core::CoreSettings settings, core::ImSettings imSettings, const core::Clock& clock,
               ConnectionRegistry& registry, store::StoreThread& storeThread,
               core::ConversationStore& store, core::ImStore& imStore, core::Duration tickInterval);
    ~Dispatcher() override;

    /// Starts the thread; restores the conversations an earlier run left open first.
    void start();
    /// Runs what is queued, then stops; returns once the output of every batch was handed to
    /// the connections (or dropped after a failed commit). Idempotent.
    void stop();

    /// Queues an event; it runs on the dispatcher thread in posting order.
    void post(Event event) override;

    /// Runs `callback` (on the store thread) once the output of every event that ran before the
    /// call was committed and handed to the connections. Callable from any thread.
    void afterDelivery(std::function<void()> callback);

    /// Runs `query` on the dispatcher thread and waits for its result (live views).
    template <typename F>
    auto ask(F query) -> decltype(query(std::declval<const core::Core&>()))
    {
        using Result = decltype(query(std::declval<const core::Core&>()));
        auto promise = std::make_shared<std::promise<Result>>();
        auto result = promise->get_future();
        post([promise, query = std::move(query)](core::Core& core) {
            promise->set_value(query(core));
        });
        return result.get();
    }

private:
    // Holds the core's output until what the batch wrote is committed.
    class BufferedOutput final : public core::CoreOutput, public core::ImOutput
    {
    public:
        struct ToOperator { core::ConnectionId connection; nlchat::Packet packet; };
        struct ToVisitor { core::ConnectionId connection; visitor::ServerMessage message; };
        struct Close { core::ConnectionId connection; std::string reason; };
        struct ToIms { core::ConnectionId connection; ims::ServerDocument document; };
        using Pending = std::vector<std::variant<ToOperator, ToVisitor, Close, ToIms>>;

        void sendToOperator(core::ConnectionId c, const nlchat::Packet& p) override;
        void sendToVisitor(core::ConnectionId c, const visitor::ServerMessage& m) override;
        void close(core::ConnectionId c, const std::string& reason) override;
        void sendToIms(core::ConnectionId c, const ims::ServerDocument& d) override;
        /// What was produced since the last take().
        Pending take() { return std::exchange(pending_, {}); }
        /// Hands `pending` to the connections, in order.
        static void deliver(Pending& pending, ConnectionRegistry& target);

    private:
        Pending pending_;
    };

    void run() override;
    void runBatch(std::deque<Event>& batch);

    BufferedOutput output_;
    ConnectionRegistry& registry_;
    core::Core core_;
    core::ImDirectory im_;
    store::StoreThread& storeThread_;
    const core::Duration tickInterval_;
    Poco::Logger& logger_;
    Poco::Thread thread_;
    std::mutex mutex_;
    std::condition_variable wake_;
    std::deque<Event> queue_;
    bool stopping_ = false;
};

} // namespace ringdesk::runtime
