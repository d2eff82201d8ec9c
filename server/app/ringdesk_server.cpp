#include "server/app/ringdesk_server.h"

#include "server/app/settings_reload.h"
#include "server/keys/key_pair_files.h"
#include "server/store/database.h"
#include "server/tls/server_context.h"
#include "server/tls/tls_connection.h"

#include <Poco/File.h>
#include <Poco/FileStream.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Process.h>

#include <sstream>

namespace ringdesk::app {
namespace {

Poco::Net::ServerSocket listen(const Endpoint& endpoint)
{
    Poco::Net::ServerSocket socket;
    socket.bind(Poco::Net::SocketAddress(endpoint.host, static_cast<Poco::UInt16>(endpoint.port)), true);
    socket.listen(1024);
    return socket;
}

} // namespace

RingdeskServer::RingdeskServer(ServerSettings settings)
    : settings_(std::move(settings)), logger_(Poco::Logger::get("ringdesk.server")),
      session_(store::openDatabase(settings_.databasePath)), conversations_(session_), imStore_(session_),
      bans_(session_), checkpointer_(session_, settings_.databasePath), storeThread_(session_),
      conversationsProxy_(conversations_, storeThread_), imStoreProxy_(imStore_, storeThread_),
      bansProxy_(bans_, storeThread_),
      serverKey_(keys::loadOrCreateKeyPair(settings_.privateKeyPath, settings_.publicKeyPath, settings_.keyBits)),
      credentials_(settings_.databasePath, settings_.authSessions), logins_(credentials_, settings_.logins),
      dispatcher_(settings_.core, settings_.im, clock_, registry_, storeThread_, conversationsProxy_,
                  imStoreProxy_, settings_.tickInterval),
      workers_("io-worker", settings_.workerThreads), loops_("io", settings_.ioThreads),
      visitorsPerAddress_(settings_.visitorMaxConnectionsPerAddress),
      httpThreads_("http", 2, settings_.httpMaxConnections, 60, 256 * 1024)
{
}

RingdeskServer::~RingdeskServer()
{
    stop();
    // After a start() that failed half-way stop() does nothing: the loops must still end before
    // the endpoint contexts their connections use are destroyed.
    loops_.stop();
    workers_.stop();
}

void RingdeskServer::start()
{
    for (const std::string& line : settings_.describe())
        logger_.information("setting %s", line);
    logger_.information("server key %s (%d bits), public key at %s",
                        serverKey_.publicKey().fingerprint(), serverKey_.bits(),
                        settings_.publicKeyPath);

    dispatcher_.post([this](core::Core& core) {
        core.attachVisitorBans(bansProxy_);
        core.attachUserBans(bansProxy_);
    });
    storeThread_.start();
    checkpointer_.start();
    dispatcher_.start();
    loops_.start();

    // First, so that a taken admin port stops the start before any client can connect.
    adminApi_ = std::make_unique<admin_api::AdminApiServer>(settings_.admin, dispatcher_, clock_,
                                                            settings_.databasePath);
    adminApi_->start();

    Poco::Net::ServerSocket operatorSocket = listen(settings_.operatorEndpoint);
    operatorContext_.emplace(operator_endpoint::OperatorEndpointContext{
        dispatcher_, registry_, logins_, serverKey_, settings_.operatorMaxLineBytes,
        settings_.operatorMaxQueuedPackets, clock_});
    operatorServer_ = std::make_unique<io::StreamAcceptor>(
        loops_, operatorSocket, settings_.operatorMaxConnections, settings_.operatorMaxConnectionsPerAddress,
        [this](Poco::Net::StreamSocket socket, io::EventLoop& loop, std::function<void()> onClosed) {
            try {
                std::make_shared<operator_endpoint::OperatorStream>(loop, socket, *operatorContext_, workers_,
                                                                    onClosed)
                    ->start();
            } catch (const Poco::Exception& e) {
                // The peer left before it could be registered (no peer address any more).
                logger_.notice("operator connection dropped at accept: %s", e.displayText());
                onClosed();
            }
        });
    operatorServer_->start();
    // TLS operator connections stay on the threaded path (server/tls/).
    const io::TcpListener::ConnectionMaker makeOperatorConnection = [this](const Poco::Net::StreamSocket& socket) {
        return new operator_endpoint::ThreadedOperatorConnection(socket, *operatorContext_);
    };
    const int operatorTlsPort =
        startTlsListener("operator", settings_.operatorTls, settings_.operatorMaxConnections,
                         settings_.operatorMaxConnectionsPerAddress, makeOperatorConnection, operatorTlsServer_);

    Poco::Net::ServerSocket imsSocket = listen(settings_.imsEndpoint);
    imsContext_.emplace(ims_endpoint::ImsEndpointContext{
        dispatcher_, registry_, logins_, settings_.imsMaxDocumentBytes, settings_.imsMaxQueuedDocuments, clock_});
    const io::TcpListener::ConnectionMaker makeImsConnection = [this](const Poco::Net::StreamSocket& socket) {
        return new ims_endpoint::ImsConnection(socket, *imsContext_);
    };
    imsServer_ = std::make_unique<io::TcpListener>("ims", imsSocket, settings_.imsMaxConnections,
                                                   settings_.imsMaxConnectionsPerAddress, makeImsConnection);
    imsServer_->start();
    const int imsTlsPort =
        startTlsListener("ims", settings_.imsTls, settings_.imsMaxConnections,
                         settings_.imsMaxConnectionsPerAddress, makeImsConnection, imsTlsServer_);

    Poco::Net::ServerSocket httpSocket = listen(settings_.httpEndpoint);
    httpContext_.emplace(http::HttpContext{
        http::VisitorEndpointContext{dispatcher_, registry_, settings_.visitorMaxFrameBytes,
                                     settings_.visitorMaxQueuedMessages, settings_.visitorIdleTimeoutSeconds,
                                     loops_, static_cast<std::size_t>(settings_.httpMaxConnections),
                                     visitorConnections_, visitorsPerAddress_, settings_.visitorMessageRate},
        settings_.widgetDir, settings_.demoPage, serverKey_.publicKey().pem(), [this] { return metricsText(); }});
    auto* params = new Poco::Net::HTTPServerParams;
    params->setMaxThreads(settings_.httpMaxConnections);
    params->setMaxQueued(settings_.httpMaxConnections);
    params->setKeepAlive(true);
    httpServer_ = std::make_unique<Poco::Net::HTTPServer>(new http::RequestRouter(*httpContext_),
                                                          httpThreads_, httpSocket, params);
    httpServer_->start();
    running_ = true;

    const int operatorPort = operatorSocket.address().port();
    const int imsPort = imsSocket.address().port();
    const int httpPort = httpSocket.address().port();
    logger_.information("operators on port %d, IMS on port %d, HTTP (widget, visitors, metrics) on port %d",
                        operatorPort, imsPort, httpPort);
    std::vector<std::pair<std::string, int>> ports{
        {"operator_port", operatorPort}, {"ims_port", imsPort}, {"http_port", httpPort},
        {"admin_port", adminApi_->port()}};
    if (operatorTlsPort != 0)
        ports.emplace_back("operator_tls_port", operatorTlsPort);
    if (imsTlsPort != 0)
        ports.emplace_back("ims_tls_port", imsTlsPort);
    writeReadyFile(ports);
}

int RingdeskServer::startTlsListener(const std::string& name, const TlsEndpoint& tls, int maxConnections,
                                     std::size_t maxPerAddress, io::TcpListener::ConnectionMaker makeConnection,
                                     std::unique_ptr<io::TcpListener>& listener)
{
    if (!tls.enabled)
        return 0;
    Poco::Net::Context::Ptr context = tls::prepareServerContext(name, tls.files, tls.selfSigned, logger_);
    Poco::Net::ServerSocket socket = listen(tls.endpoint);
    listener = std::make_unique<io::TcpListener>(
        name + "-tls", socket, maxConnections, maxPerAddress,
        tls::overTls(name, context, Poco::Timespan(settings_.tlsHandshakeTimeout.count() * 1000),
                     std::move(makeConnection)));
    listener->start();
    const int port = socket.address().port();
    logger_.information("%s TLS on port %d", name, port);
    return port;
}

void RingdeskServer::stop()
{
    if (!running_)
        return;
    running_ = false;
    logger_.information("stopping");
    adminApi_->stop(); // before the dispatcher: its requests wait on the core
    operatorServer_->stop();
    imsServer_->stop();
    for (const auto& listener : {operatorTlsServer_.get(), imsTlsServer_.get()})
        if (listener != nullptr)
            listener->stop();
    registry_.shutdownAll("server stopping");
    httpServer_->stopAll(true);
    loops_.stop();   // sends what is queued, closes every connection, tells the core
    workers_.stop();
    dispatcher_.stop();
    storeThread_.stop(); // stores what the dispatcher's last batches wrote, then sends their output
    checkpointer_.stop();
    if (!settings_.readyFile.empty())
        Poco::File(settings_.readyFile).remove();
}

void RingdeskServer::writeReadyFile(const std::vector<std::pair<std::string, int>>& ports) const
{
    if (settings_.readyFile.empty())
        return;
    const std::string temporary = settings_.readyFile + ".tmp";
    {
        Poco::FileOutputStream out(temporary);
        out << "{";
        for (const auto& [name, port] : ports)
            out << "\"" << name << "\":" << port << ",";
        out << "\"pid\":" << Poco::Process::id() << "}\n";
    }
    Poco::File(temporary).renameTo(settings_.readyFile);
}

std::string RingdeskServer::metricsText()
{
    const auto [operators, conversations, visitors] = dispatcher_.ask([](const core::Core& core) {
        return std::make_tuple(core.operatorSessions(), core.liveConversations(),
                               core.visitorConnectionCount());
    });
    std::size_t ringing = 0, connected = 0, waiting = 0;
    for (const core::ConversationInfo& c : conversations) {
        ringing += c.state == core::ConversationState::Ringing;
        connected += c.state == core::ConversationState::Connected;
        waiting += c.state == core::ConversationState::Waiting;
    }
    std::ostringstream out;
    out << "# HELP ringdesk_operator_connections Operator connections.\n"
        << "# TYPE ringdesk_operator_connections gauge\n"
        << "ringdesk_operator_connections " << operators.size() << "\n"
        << "# HELP ringdesk_visitor_connections Visitor WebSocket connections.\n"
        << "# TYPE ringdesk_visitor_connections gauge\n"
        << "ringdesk_visitor_connections " << visitors << "\n"
        << "# HELP ringdesk_conversations Live conversations by state.\n"
        << "# TYPE ringdesk_conversations gauge\n"
        << "ringdesk_conversations{state=\"ringing\"} " << ringing << "\n"
        << "ringdesk_conversations{state=\"connected\"} " << connected << "\n"
        << "ringdesk_conversations{state=\"waiting\"} " << waiting << "\n";
    const admission::LoginCounters logins = logins_.counters();
    out << "# HELP ringdesk_logins_total Operator and IMS logins checked, by result.\n"
        << "# TYPE ringdesk_logins_total counter\n"
        << "ringdesk_logins_total{result=\"ok\"} " << logins.succeeded << "\n"
        << "ringdesk_logins_total{result=\"refused\"} " << logins.failed << "\n"
        << "# HELP ringdesk_logins_throttled_total Logins refused before their password was checked.\n"
        << "# TYPE ringdesk_logins_throttled_total counter\n"
        << "ringdesk_logins_throttled_total{reason=\"address\"} " << logins.throttledAddress << "\n"
        << "ringdesk_logins_throttled_total{reason=\"account\"} " << logins.throttledAccount << "\n"
        << "ringdesk_logins_throttled_total{reason=\"busy\"} " << logins.throttledBusy << "\n";
    out << "# HELP ringdesk_connections_refused_total Connections closed at once: their address had the most "
           "allowed (ringdesk.*.maxConnectionsPerAddress).\n"
        << "# TYPE ringdesk_connections_refused_total counter\n";
    const std::pair<const char*, std::uint64_t> refused[] = {
        {"operator", operatorServer_->refusedPerAddress()},
        {"operator_tls", operatorTlsServer_ ? operatorTlsServer_->refusedPerAddress() : 0},
        {"ims", imsServer_->refusedPerAddress()},
        {"ims_tls", imsTlsServer_ ? imsTlsServer_->refusedPerAddress() : 0},
        {"visitor", visitorsPerAddress_.refused()}};
    for (const auto& [port, count] : refused)
        out << "ringdesk_connections_refused_total{port=\"" << port << "\"} " << count << "\n";
    return out.str();
}

void RingdeskServer::reload(const ServerSettings& fresh)
{
    const SettingsReload plan = planReload(settings_, fresh);
    dispatcher_.post([rules = plan.next.core, im = plan.next.im](core::Core& core) {
        core.updateSettings(rules);
        core.im().updateSettings(im);
    });
    settings_ = plan.next;
    for (const std::string& line : plan.applied)
        logger_.notice("reload: setting %s (applied)", line);
    for (const std::string& line : plan.needRestart)
        logger_.warning("reload: setting %s takes effect at the next restart", line);
    logger_.notice("configuration reloaded: %z settings changed now, %z wait for a restart",
                   plan.applied.size(), plan.needRestart.size());
}

} // namespace ringdesk::app
