#include "server/admin_contract/admin_endpoint_config.h"

#include "server/admin_contract/admin_api_contract.h"

#include <Poco/Exception.h>
#include <Poco/Path.h>

namespace ringdesk::admin_api {

AdminEndpointConfig loadAdminEndpointConfig(const Poco::Util::AbstractConfiguration& config)
{
    AdminEndpointConfig endpoint;
    endpoint.host = config.getString(config_key::kHost, kDefaultHost);
    endpoint.port = config.getInt(config_key::kPort, kDefaultPort);
    if (endpoint.port < 0 || endpoint.port > 65535)
        throw Poco::InvalidArgumentException(std::string(config_key::kPort) + " must be 0 … 65535");
    const std::string dataDir = config.getString("ringdesk.dataDir", "data");
    endpoint.tokenFile = config.getString(
        config_key::kTokenFile, Poco::Path(Poco::Path(dataDir).makeDirectory(), kDefaultTokenFileName).toString());
    endpoint.maxConnections = config.getInt(config_key::kMaxConnections, 4);
    if (endpoint.maxConnections < 1)
        throw Poco::InvalidArgumentException(std::string(config_key::kMaxConnections) + " must be at least 1");
    return endpoint;
}

} // namespace ringdesk::admin_api
