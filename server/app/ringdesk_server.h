#pragma once
// Assembles the server: database, key pair, dispatcher with the core, and the endpoints.

#include "protocol/rsa_key.h"
#include "server/admin_api/admin_api_server.h"
#include "server/app/server_settings.h"
#include "server/dispatch/dispatcher.h"
#include "server/http/request_router.h"
#include "server/ims_endpoint/ims_connection.h"
#include "server/io/event_loop.h"
#include "server/io/stream_acceptor.h"
#include "server/io/tcp_listener.h"
#include "server/io/worker_pool.h"
#include "server/operator_endpoint/operator_stream.h"
#include "server/operator_endpoint/threaded_operator_connection.h"
#include "server/store/ban_list_proxy.h"
#include "server/store/conversation_store_proxy.h"
#include "server/store/im_store_proxy.h"
#include "server/store/sqlite_bans.h"
#include "server/store/sqlite_conversation_store.h"
#include "server/store/sqlite_credential_check.h"
#include "server/store/sqlite_im_store.h"
#include "server/store/store_thread.h"
#include "server/store/wal_checkpointer.h"

#include <Poco/Data/Session.h>
#include <Poco/Logger.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/ThreadPool.h>

#include <atomic>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace ringdesk::app {

class RingdeskServer
{
public:
    /// Opens (and migrates) the database and loads or creates the key pair. Throws
    /// Poco::Exception / std::runtime_error naming the file on failure.
    explicit RingdeskServer(ServerSettings settings);
    ~RingdeskServer();

    /// Binds every endpoint, starts the threads, logs the effective settings and the key's
    /// fingerprint, and writes the ready file (JSON with the bound ports) when configured.
    void start();
    /// Stops accepting, closes connections, drains the dispatcher. Idempotent.
    void stop();
    /// Applies a configuration reload (server/app/settings_reload.h): hands the new core and
    /// IMS rules to the dispatcher, which applies them before its next event, and logs each
    /// setting changed now and each one that waits for a restart. Call from one thread.
    void reload(const ServerSettings& fresh);

private:
    std::string metricsText();
    /// Listens with TLS on `tls` when it is enabled, serving `makeConnection`'s front-end
    /// through tls::overTls(); returns the bound port, or 0 when TLS is off there.
    int startTlsListener(const std::string& name, const TlsEndpoint& tls, int maxConnections,
                         std::size_t maxPerAddress, io::TcpListener::ConnectionMaker makeConnection,
                         std::unique_ptr<io::TcpListener>& listener);
    /// The ready file: {"<name>":port,...,"pid":N}.
    void writeReadyFile(const std::vector<std::pair<std::string, int>>& ports) const;

    ServerSettings settings_;
    Poco::Logger& logger_;
    core::SystemClock clock_;
    // The store thread's connection and what runs on it; the dispatcher reaches it through
    // the proxies.
    Poco::Data::Session session_;
    store::SqliteConversationStore conversations_;
    store::SqliteImStore imStore_;
    store::SqliteBans bans_;
    store::WalCheckpointer checkpointer_; // before the thread whose commits call it
    store::StoreThread storeThread_;
    store::ConversationStoreProxy conversationsProxy_;
    store::ImStoreProxy imStoreProxy_;
    store::BanListProxy bansProxy_;
    protocol::RsaPrivateKey serverKey_;
    dispatch::ConnectionRegistry registry_;
    store::SqliteCredentialCheck credentials_;
    admission::LoginGuard logins_;
    dispatch::Dispatcher dispatcher_;
    io::WorkerPool workers_;
    io::EventLoopGroup loops_;
    std::atomic<std::size_t> visitorConnections_{0};
    io::ConnectionsPerAddress visitorsPerAddress_;
    std::optional<operator_endpoint::OperatorEndpointContext> operatorContext_;
    std::unique_ptr<io::StreamAcceptor> operatorServer_;
    std::unique_ptr<io::TcpListener> operatorTlsServer_;
    std::optional<ims_endpoint::ImsEndpointContext> imsContext_;
    std::unique_ptr<io::TcpListener> imsServer_;
    std::unique_ptr<io::TcpListener> imsTlsServer_;
    std::optional<http::HttpContext> httpContext_;
    Poco::ThreadPool httpThreads_;
    std::unique_ptr<Poco::Net::HTTPServer> httpServer_;
    std::unique_ptr<admin_api::AdminApiServer> adminApi_;
    bool running_ = false;
};

} // namespace ringdesk::app
