#pragma once
// The IMS endpoint's listener: a POCO TCPServer handing each accepted socket to an
// ImsConnection on its own thread (the operator endpoint's shape).

#include "server/ims_endpoint/ims_connection.h"

#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/TCPServer.h>
#include <Poco/ThreadPool.h>

#include <memory>

namespace ringdesk::ims_endpoint {

class ImsServer
{
public:
    /// Listens on `socket` (already bound); at most `maxConnections` at once.
    ImsServer(ImsEndpointContext& context, const Poco::Net::ServerSocket& socket, int maxConnections);
    void start();
    void stop();
    int currentConnections() const { return server_->currentConnections(); }

private:
    Poco::ThreadPool threads_; // one thread per live connection, small stacks
    std::unique_ptr<Poco::Net::TCPServer> server_;
};

} // namespace ringdesk::ims_endpoint
