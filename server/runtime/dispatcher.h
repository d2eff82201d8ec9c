#pragma once
// The single writer (ARCHITECTURE.md, "Concurrency"): one thread owns the Core and consumes a
// queue of events posted by the front-ends. Each batch of events runs inside one SQLite
// transaction; the core's output is held back until that transaction committed, so a message
// is stored before it is relayed (group commit: one commit per batch, not per message).

#include "server/core/core.h"
#include "server/core/im_directory.h"
#include "server/runtime/connection_registry.h"

#include <Poco/Data/Session.h>
#include <Poco/Logger.h>
#include <Poco/Runnable.h>
#include <Poco/Thread.h>

#include <condition_variable>
#include <deque>
#include <functional>
#include <future>
#include <mutex>
#include <variant>
#include <vector>

namespace ringdesk::runtime {

class Dispatcher final : private Poco::Runnable
{
public:
    using Event = std::function<void(core::Core&)>;

    /// `session` is the dispatcher's own connection (the core's stores use it); `tickInterval`
    /// is how often timers are checked. The IM unit (core::ImDirectory, built from `imSettings`
    /// and `imStore`) is attached to the core: events reach it as `core.im()`.
    /// Logs to logger "ringdesk.core".
    Dispatcher(core::CoreSettings settings, core::ImSettings imSettings, const core::Clock& clock,
               ConnectionRegistry& registry, Poco::Data::Session& session,
               core::ConversationStore& store, core::ImStore& imStore, core::Duration tickInterval);
    ~Dispatcher() override;

    /// Starts the thread; restores the conversations an earlier run left open first.
    void start();
    /// Runs what is queued, then stops. Idempotent.
    void stop();

    /// Queues an event; it runs on the dispatcher thread in posting order.
    void post(Event event);

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
    // Holds the core's output until the batch's transaction committed.
    class BufferedOutput final : public core::CoreOutput, public core::ImOutput
    {
    public:
        explicit BufferedOutput(ConnectionRegistry& target) : target_(target) {}
        void sendToOperator(core::ConnectionId c, const nlchat::Packet& p) override;
        void sendToVisitor(core::ConnectionId c, const visitor::ServerMessage& m) override;
        void close(core::ConnectionId c, const std::string& reason) override;
        void sendToIms(core::ConnectionId c, const ims::ServerDocument& d) override;
        void flush();
        void discard() { pending_.clear(); }

    private:
        struct ToOperator { core::ConnectionId connection; nlchat::Packet packet; };
        struct ToVisitor { core::ConnectionId connection; visitor::ServerMessage message; };
        struct Close { core::ConnectionId connection; std::string reason; };
        struct ToIms { core::ConnectionId connection; ims::ServerDocument document; };
        ConnectionRegistry& target_;
        std::vector<std::variant<ToOperator, ToVisitor, Close, ToIms>> pending_;
    };

    void run() override;
    void runBatch(std::deque<Event>& batch);

    BufferedOutput output_;
    core::Core core_;
    core::ImDirectory im_;
    Poco::Data::Session& session_;
    const core::Duration tickInterval_;
    Poco::Logger& logger_;
    Poco::Thread thread_;
    std::mutex mutex_;
    std::condition_variable wake_;
    std::deque<Event> queue_;
    bool stopping_ = false;
};

} // namespace ringdesk::runtime
