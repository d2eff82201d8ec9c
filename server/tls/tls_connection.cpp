#include "server/tls/tls_connection.h"

#include "server/tls/tls_socket_impl.h"

#include <Poco/Exception.h>
#include <Poco/Logger.h>
#include <Poco/Net/TCPServerConnection.h>

#include <memory>

namespace ringdesk::tls {
namespace {

class TlsConnection final : public Poco::Net::TCPServerConnection
{
public:
    TlsConnection(const Poco::Net::StreamSocket& socket, const std::string& endpointName,
                  Poco::Net::Context::Ptr context, Poco::Timespan handshakeTimeout,
                  const io::TcpListener::ConnectionMaker& makeConnection)
        : Poco::Net::TCPServerConnection(socket), endpointName_(endpointName), context_(std::move(context)),
          handshakeTimeout_(handshakeTimeout), makeConnection_(makeConnection),
          logger_(Poco::Logger::get("ringdesk.tls"))
    {
    }

    void run() override
    {
        std::string peer = "unknown peer";
        try {
            peer = socket().peerAddress().toString();
        } catch (const Poco::Exception&) {
            // Reset before we got here; the handshake below fails and says so.
        }
        TlsSocketImpl* impl = nullptr;
        Poco::Net::StreamSocket tlsSocket;
        try {
            impl = new TlsSocketImpl(socket(), context_);
            tlsSocket = Poco::Net::StreamSocket(impl); // owns impl from here on
            impl->handshake(handshakeTimeout_);
        } catch (const Poco::Exception& e) {
            logger_.notice("%s TLS handshake with %s failed: %s", endpointName_, peer, e.displayText());
            return; // the sockets close as they go out of scope
        }
        if (logger_.debug())
            logger_.debug("%s TLS connection from %s: %s", endpointName_, peer, impl->negotiated());
        const std::unique_ptr<Poco::Net::TCPServerConnection> connection(makeConnection_(tlsSocket));
        try {
            connection->run();
        } catch (const Poco::Exception& e) {
            logger_.error("%s connection from %s failed: %s", endpointName_, peer, e.displayText());
        } catch (const std::exception& e) {
            logger_.error("%s connection from %s failed: %s", endpointName_, peer, std::string(e.what()));
        }
    }

private:
    std::string endpointName_;
    Poco::Net::Context::Ptr context_;
    Poco::Timespan handshakeTimeout_;
    io::TcpListener::ConnectionMaker makeConnection_;
    Poco::Logger& logger_;
};

} // namespace

io::TcpListener::ConnectionMaker overTls(const std::string& endpointName, Poco::Net::Context::Ptr context,
                                         Poco::Timespan handshakeTimeout,
                                         io::TcpListener::ConnectionMaker makeConnection)
{
    return [endpointName, context, handshakeTimeout,
            makeConnection = std::move(makeConnection)](const Poco::Net::StreamSocket& socket) {
        return new TlsConnection(socket, endpointName, context, handshakeTimeout, makeConnection);
    };
}

} // namespace ringdesk::tls
