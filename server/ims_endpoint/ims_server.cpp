#include "server/ims_endpoint/ims_server.h"

#include <Poco/Net/TCPServerConnectionFactory.h>

namespace ringdesk::ims_endpoint {
namespace {

class Factory final : public Poco::Net::TCPServerConnectionFactory
{
public:
    explicit Factory(ImsEndpointContext& context) : context_(context) {}
    Poco::Net::TCPServerConnection* createConnection(const Poco::Net::StreamSocket& socket) override
    {
        return new ImsConnection(socket, context_);
    }

private:
    ImsEndpointContext& context_;
};

} // namespace

ImsServer::ImsServer(ImsEndpointContext& context, const Poco::Net::ServerSocket& socket, int maxConnections)
    : threads_("ims", 2, maxConnections, 60, 256 * 1024)
{
    auto* params = new Poco::Net::TCPServerParams;
    params->setMaxThreads(maxConnections);
    params->setMaxQueued(maxConnections);
    params->setThreadIdleTime(Poco::Timespan(10, 0));
    server_ = std::make_unique<Poco::Net::TCPServer>(new Factory(context), threads_, socket, params);
}

void ImsServer::start() { server_->start(); }

void ImsServer::stop() { server_->stop(); }

} // namespace ringdesk::ims_endpoint
