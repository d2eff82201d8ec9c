#pragma once
// Where the admin API listens and where its token is, read from the configuration the server
// and ringdesk-admin share (docs/configuration.md, ringdesk.admin.*).

#include <Poco/Util/AbstractConfiguration.h>

#include <string>

namespace ringdesk::admin_api {

struct AdminEndpointConfig
{
    std::string host;       // listen address (server) / where to connect (tool)
    int port = 0;           // 0: any free port (the server's ready file tells which)
    std::string tokenFile;  // the bearer token, created by the server at its first start
    int maxConnections = 4; // admin requests served at once
};

/// Reads ringdesk.admin.host (default 127.0.0.1), .port (default 7012), .tokenFile (default
/// <ringdesk.dataDir>/admin.token) and .maxConnections (default 4). Throws
/// Poco::InvalidArgumentException naming the key when the port is outside 0…65535 or
/// maxConnections is below 1.
AdminEndpointConfig loadAdminEndpointConfig(const Poco::Util::AbstractConfiguration& config);

} // namespace ringdesk::admin_api
