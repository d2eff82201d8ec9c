#include "server/app/ringdesk_server.h"

#include "server/store/database.h"

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
      serverKey_(protocol::loadOrCreateKeyPair(settings_.privateKeyPath, settings_.publicKeyPath,
                                               settings_.keyBits)),
      authenticator_(settings_.databasePath, settings_.authSessions),
      dispatcher_(settings_.core, settings_.im, clock_, registry_, session_, conversations_, imStore_,
                  settings_.tickInterval),
      workers_("io-worker", settings_.workerThreads), loops_("io", settings_.ioThreads),
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

    dispatcher_.start();
    loops_.start();

    Poco::Net::ServerSocket operatorSocket = listen(settings_.operatorEndpoint);
    operatorContext_.emplace(operator_endpoint::OperatorEndpointContext{
        dispatcher_, registry_, authenticator_, serverKey_, settings_.operatorMaxLineBytes,
        settings_.operatorMaxQueuedPackets});
    operatorServer_ = std::make_unique<runtime::StreamAcceptor>(
        loops_, operatorSocket, settings_.operatorMaxConnections,
        [this](Poco::Net::StreamSocket socket, runtime::EventLoop& loop, std::function<void()> onClosed) {
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

    Poco::Net::ServerSocket imsSocket = listen(settings_.imsEndpoint);
    imsContext_.emplace(ims_endpoint::ImsEndpointContext{dispatcher_, registry_, authenticator_,
                                                         settings_.imsMaxDocumentBytes,
                                                         settings_.imsMaxQueuedDocuments});
    imsServer_ = std::make_unique<runtime::TcpListener>(
        "ims", imsSocket, settings_.imsMaxConnections, [this](const Poco::Net::StreamSocket& socket) {
            return new ims_endpoint::ImsConnection(socket, *imsContext_);
        });
    imsServer_->start();

    Poco::Net::ServerSocket httpSocket = listen(settings_.httpEndpoint);
    httpContext_.emplace(http::HttpContext{
        http::VisitorEndpointContext{dispatcher_, registry_, settings_.visitorMaxFrameBytes,
                                     settings_.visitorMaxQueuedMessages,
                                     settings_.visitorIdleTimeoutSeconds, loops_,
                                     static_cast<std::size_t>(settings_.httpMaxConnections),
                                     visitorConnections_},
        settings_.widgetDir, settings_.demoPage, serverKey_.publicKey().pem(),
        [this] { return metricsText(); }});
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
    writeReadyFile(operatorPort, imsPort, httpPort);
}

void RingdeskServer::stop()
{
    if (!running_)
        return;
    running_ = false;
    logger_.information("stopping");
    operatorServer_->stop();
    imsServer_->stop();
    registry_.shutdownAll("server stopping");
    httpServer_->stopAll(true);
    loops_.stop();   // sends what is queued, closes every connection, tells the core
    workers_.stop();
    dispatcher_.stop();
    if (!settings_.readyFile.empty())
        Poco::File(settings_.readyFile).remove();
}

void RingdeskServer::writeReadyFile(int operatorPort, int imsPort, int httpPort) const
{
    if (settings_.readyFile.empty())
        return;
    const std::string temporary = settings_.readyFile + ".tmp";
    {
        Poco::FileOutputStream out(temporary);
        out << "{\"operator_port\":" << operatorPort << ",\"ims_port\":" << imsPort
            << ",\"http_port\":" << httpPort
            << ",\"pid\":" << Poco::Process::id() << "}\n";
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
    return out.str();
}

} // namespace ringdesk::app
