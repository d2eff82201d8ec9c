#pragma once
// The operator endpoint's listener: a POCO TCPServer handing each accepted socket to an
// OperatorConnection on its own thread.

#include "server/operator_endpoint/operator_connection.h"

#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/TCPServer.h>
#include <Poco/ThreadPool.h>

#include <memory>

namespace ringdesk::operator_endpoint {

class OperatorServer
{
public:
    /// Listens on `socket` (already bound); at most `maxConnections` at once.
    OperatorServer(OperatorEndpointContext& context, const Poco::Net::ServerSocket& socket,
                   int maxConnections);
    void start();
    void stop();
    int currentConnections() const { return server_->currentConnections(); }

private:
    Poco::ThreadPool threads_; // one thread per live connection, small stacks
    std::unique_ptr<Poco::Net::TCPServer> server_;
};

} // namespace ringdesk::operator_endpoint
