#pragma once
// The server's front-ends in one process, on a manual clock: the real dispatcher with the real
// core and stores (a temporary SQLite file behind the store thread), the connection registry,
// one event loop and one worker, the real credential check (store::SqliteCredentialCheck) — and, instead of
// listening sockets, one connected socket pair per connection (support/socket_pair.h). The test speaks the wire
// protocols on its end of each pair and moves time with advance(), so timers (ring timeout, probe, ALIVE, ban
// expiry) run in microseconds instead of seconds.

#include "server/admission/login_guard.h"
#include "server/dispatch/connection_registry.h"
#include "server/dispatch/dispatcher.h"
#include "server/http/visitor_websocket.h"
#include "server/ims_endpoint/ims_connection.h"
#include "server/io/event_loop.h"
#include "server/io/worker_pool.h"
#include "server/operator_endpoint/threaded_operator_connection.h"
#include "server/store/conversation_store_proxy.h"
#include "server/store/im_store_proxy.h"
#include "server/store/sqlite_conversation_store.h"
#include "server/store/sqlite_credential_check.h"
#include "server/store/sqlite_im_store.h"
#include "server/store/store_thread.h"
#include "support/shared_manual_clock.h"
#include "support/socket_pair.h"
#include "temporary_database.h"

#include <Poco/Data/Session.h>

#include <atomic>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace ringdesk::front_end_tests {

/// A shared server key (2048 bits, generated once per run: key generation is slow).
const protocol::RsaPrivateKey& serverKey();

class FrontEndHarness
{
public:
    struct Settings
    {
        core::CoreSettings core;
        core::ImSettings im;
        core::RateLimit visitorMessages{10, 30}; // per visitor WebSocket, as the server's default
    };

    FrontEndHarness();
    explicit FrontEndHarness(Settings settings);
    /// Closes every connection, then stops the loop, the worker, the dispatcher and the store.
    ~FrontEndHarness();
    FrontEndHarness(const FrontEndHarness&) = delete;
    FrontEndHarness& operator=(const FrontEndHarness&) = delete;

    /// An operator account (1 000 KDF iterations, so a login is quick).
    void addUser(const std::string& username, const std::string& password, const std::string& displayName);
    /// A user ban from now until `untilMs` (epoch ms on this harness's clock; nullopt: for ever).
    void banUser(const std::string& username, std::optional<std::int64_t> untilMs);

    /// A plain operator connection on the event loop (operator_endpoint::OperatorStream).
    test_support::PeerSocket connectOperator();
    /// A visitor WebSocket after its handshake (http::VisitorStream).
    test_support::PeerSocket connectVisitor();
    /// An IMS connection on its own thread (ims_endpoint::ImsConnection).
    test_support::PeerSocket connectIms();

    test_support::SharedManualClock& clock() { return clock_; }
    /// Moves the clock by `d`, then waits until the dispatcher checked its timers after that.
    void advance(core::Duration d);
    /// Waits until every event posted before the call ran and its output was handed to the
    /// connections.
    void settle();

    dispatch::ConnectionRegistry& registry() { return registry_; }

private:
    testing::TemporaryDatabase database_;
    Poco::Data::Session session_;
    test_support::SharedManualClock clock_;
    store::SqliteConversationStore conversations_;
    store::SqliteImStore imStore_;
    store::StoreThread storeThread_;
    store::ConversationStoreProxy conversationsProxy_;
    store::ImStoreProxy imStoreProxy_;
    dispatch::ConnectionRegistry registry_;
    dispatch::Dispatcher dispatcher_;
    store::SqliteCredentialCheck credentials_;
    admission::LoginGuard logins_;
    io::WorkerPool workers_;
    io::EventLoopGroup loops_;
    std::atomic<std::size_t> liveVisitors_{0};
    io::ConnectionsPerAddress visitorsPerAddress_{100};
    operator_endpoint::OperatorEndpointContext operatorContext_;
    ims_endpoint::ImsEndpointContext imsContext_;
    http::VisitorEndpointContext visitorContext_;
    // IMS connections: the server side of each (shut down at the end) and its reading thread.
    std::vector<Poco::Net::StreamSocket> imsSockets_;
    std::vector<std::thread> imsThreads_;
};

} // namespace ringdesk::front_end_tests
