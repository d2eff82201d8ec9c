#pragma once
// The admin API server (docs/admin.md, "Admin API"): POCO's HTTPServer on
// ringdesk.admin.host:port (loopback by default), its own small thread pool, the token file.

#include "server/admin_api/admin_request_handler.h"
#include "server/admin_contract/admin_endpoint_config.h"

#include <Poco/Logger.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/ThreadPool.h>

#include <memory>
#include <optional>

namespace ringdesk::admin_api {

class AdminApiServer
{
public:
    /// Loads the token (creating the file at the first start, admin_token.h) and opens the
    /// API's database connection. Throws std::runtime_error / Poco::Exception naming the file.
    AdminApiServer(AdminEndpointConfig config, dispatch::Dispatcher& dispatcher, const core::Clock& clock,
                   const std::string& databasePath);
    ~AdminApiServer();

    /// Binds host:port and serves. Throws Poco::Net::NetException when the port is taken.
    void start();
    /// The bound port (after start()).
    int port() const { return port_; }
    /// Stops serving; requests in progress finish. Idempotent. Call before the dispatcher stops.
    void stop();

private:
    AdminEndpointConfig config_;
    Poco::Logger& logger_;
    AdminActions actions_;
    AdminApiContext context_;
    Poco::ThreadPool threads_;
    std::unique_ptr<Poco::Net::HTTPServer> server_;
    int port_ = 0;
};

} // namespace ringdesk::admin_api
