#include "server/io/tcp_listener.h"

#include <Poco/Logger.h>
#include <Poco/Net/TCPServerConnectionFactory.h>

namespace ringdesk::io {
namespace {

constexpr int kStackBytes = 256 * 1024;

/// A counted connection: runs the front-end's connection and gives its address's place back
/// when it ends.
class CountedConnection final : public Poco::Net::TCPServerConnection
{
public:
    CountedConnection(const Poco::Net::StreamSocket& socket, Poco::Net::TCPServerConnection* inner,
                      ConnectionsPerAddress& perAddress, std::string address)
        : Poco::Net::TCPServerConnection(socket), inner_(inner), perAddress_(perAddress),
          address_(std::move(address))
    {
    }
    ~CountedConnection() override { perAddress_.remove(address_); }

    void run() override { inner_->run(); }

private:
    std::unique_ptr<Poco::Net::TCPServerConnection> inner_;
    ConnectionsPerAddress& perAddress_;
    const std::string address_;
};

/// A connection refused by the cap: closed without a word (the peer sees the close at once).
class RefusedConnection final : public Poco::Net::TCPServerConnection
{
public:
    using Poco::Net::TCPServerConnection::TCPServerConnection;
    void run() override { socket().close(); }
};

class Factory final : public Poco::Net::TCPServerConnectionFactory
{
public:
    Factory(TcpListener::ConnectionMaker make, ConnectionsPerAddress& perAddress)
        : make_(std::move(make)), perAddress_(perAddress)
    {
    }

    Poco::Net::TCPServerConnection* createConnection(const Poco::Net::StreamSocket& socket) override
    {
        std::string address;
        try {
            address = socket.peerAddress().host().toString();
        } catch (const Poco::Exception&) {
            return new RefusedConnection(socket); // the peer has gone already
        }
        if (!perAddress_.tryAdd(address)) {
            Poco::Logger::get("ringdesk.server")
                .debug("closed a connection from %s: %z open from that address", address,
                       perAddress_.maxPerAddress());
            return new RefusedConnection(socket);
        }
        try {
            return new CountedConnection(socket, make_(socket), perAddress_, address);
        } catch (...) {
            perAddress_.remove(address);
            throw;
        }
    }

private:
    TcpListener::ConnectionMaker make_;
    ConnectionsPerAddress& perAddress_;
};

} // namespace

TcpListener::TcpListener(const std::string& name, const Poco::Net::ServerSocket& socket, int maxConnections,
                         std::size_t maxPerAddress, ConnectionMaker makeConnection)
    : perAddress_(maxPerAddress), threads_(name, 2, maxConnections, 60, kStackBytes)
{
    auto* params = new Poco::Net::TCPServerParams;
    params->setMaxThreads(maxConnections);
    params->setMaxQueued(maxConnections);
    params->setThreadIdleTime(Poco::Timespan(10, 0));
    server_ = std::make_unique<Poco::Net::TCPServer>(new Factory(std::move(makeConnection), perAddress_), threads_,
                                                     socket, params);
}

void TcpListener::start() { server_->start(); }

void TcpListener::stop() { server_->stop(); }

} // namespace ringdesk::io
