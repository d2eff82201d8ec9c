#include "server/admin_api/admin_api_server.h"

#include "server/admin_contract/admin_token.h"

#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/IPAddress.h>
#include <Poco/Net/ServerSocket.h>

namespace ringdesk::admin_api {
namespace {

std::string loadToken(const std::string& path, Poco::Logger& logger)
{
    std::string warning;
    std::string token = loadOrCreateAdminToken(path, warning);
    if (!warning.empty())
        logger.warning("%s", warning);
    return token;
}

} // namespace

AdminApiServer::AdminApiServer(AdminEndpointConfig config, dispatch::Dispatcher& dispatcher,
                               const core::Clock& clock, const std::string& databasePath)
    : config_(std::move(config)), logger_(Poco::Logger::get("ringdesk.admin")),
      actions_(dispatcher, clock, databasePath), context_{dispatcher, actions_,
                                                          loadToken(config_.tokenFile, logger_)},
      threads_("admin", 1, config_.maxConnections)
{
}

AdminApiServer::~AdminApiServer() { stop(); }

void AdminApiServer::start()
{
    Poco::Net::ServerSocket socket;
    socket.bind(Poco::Net::SocketAddress(config_.host, static_cast<Poco::UInt16>(config_.port)), true);
    socket.listen(64);
    port_ = socket.address().port();
    if (!socket.address().host().isLoopback())
        logger_.warning("the admin API listens on %s, which is not a loopback address: anyone who can "
                        "reach it may try tokens, and requests travel unencrypted",
                        socket.address().toString());
    auto* params = new Poco::Net::HTTPServerParams;
    params->setMaxThreads(config_.maxConnections);
    params->setMaxQueued(config_.maxConnections * 4);
    params->setKeepAlive(false);
    server_ = std::make_unique<Poco::Net::HTTPServer>(new AdminRouter(context_), threads_, socket, params);
    server_->start();
    logger_.information("admin API on %s, token in %s", socket.address().toString(), config_.tokenFile);
}

void AdminApiServer::stop()
{
    if (!server_)
        return;
    server_->stopAll(false);
    // Requests already running finish: they wait on the dispatcher, which stops after this.
    threads_.joinAll();
    server_.reset();
}

} // namespace ringdesk::admin_api
