#include "server/operator_endpoint/operator_server.h"

#include <Poco/Net/TCPServerConnectionFactory.h>

namespace ringdesk::operator_endpoint {
namespace {

class Factory final : public Poco::Net::TCPServerConnectionFactory
{
public:
    explicit Factory(OperatorEndpointContext& context) : context_(context) {}
    Poco::Net::TCPServerConnection* createConnection(const Poco::Net::StreamSocket& socket) override
    {
        return new OperatorConnection(socket, context_);
    }

private:
    OperatorEndpointContext& context_;
};

} // namespace

OperatorServer::OperatorServer(OperatorEndpointContext& context, const Poco::Net::ServerSocket& socket,
                               int maxConnections)
    : threads_("operator", 2, maxConnections, 60, 256 * 1024)
{
    auto* params = new Poco::Net::TCPServerParams;
    params->setMaxThreads(maxConnections);
    params->setMaxQueued(maxConnections);
    params->setThreadIdleTime(Poco::Timespan(10, 0));
    server_ = std::make_unique<Poco::Net::TCPServer>(new Factory(context), threads_, socket, params);
}

void OperatorServer::start() { server_->start(); }

void OperatorServer::stop() { server_->stop(); }

} // namespace ringdesk::operator_endpoint
