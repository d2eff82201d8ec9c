#include "server/io/tcp_listener.h"

#include <Poco/Net/TCPServerConnectionFactory.h>

namespace ringdesk::io {
namespace {

constexpr int kStackBytes = 256 * 1024;

class Factory final : public Poco::Net::TCPServerConnectionFactory
{
public:
    explicit Factory(TcpListener::ConnectionMaker make) : make_(std::move(make)) {}
    Poco::Net::TCPServerConnection* createConnection(const Poco::Net::StreamSocket& socket) override
    {
        return make_(socket);
    }

private:
    TcpListener::ConnectionMaker make_;
};

} // namespace

TcpListener::TcpListener(const std::string& name, const Poco::Net::ServerSocket& socket, int maxConnections,
                         ConnectionMaker makeConnection)
    : threads_(name, 2, maxConnections, 60, kStackBytes)
{
    auto* params = new Poco::Net::TCPServerParams;
    params->setMaxThreads(maxConnections);
    params->setMaxQueued(maxConnections);
    params->setThreadIdleTime(Poco::Timespan(10, 0));
    server_ =
        std::make_unique<Poco::Net::TCPServer>(new Factory(std::move(makeConnection)), threads_, socket, params);
}

void TcpListener::start() { server_->start(); }

void TcpListener::stop() { server_->stop(); }

} // namespace ringdesk::io
