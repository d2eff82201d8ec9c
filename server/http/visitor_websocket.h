#pragma once
// The visitor WebSocket (docs/visitor-api.md): POCO's WebSocket after its HTTP handshake, one
// JSON message per text frame. The request thread reads frames and posts events; the link's
// writer thread sends what the core says.

#include "server/runtime/connection_registry.h"
#include "server/runtime/dispatcher.h"

#include <Poco/Net/HTTPRequestHandler.h>

#include <cstddef>

namespace ringdesk::http {

struct VisitorEndpointContext
{
    runtime::Dispatcher& dispatcher;
    runtime::ConnectionRegistry& registry;
    std::size_t maxFrameBytes;       // longest accepted frame payload, bytes
    std::size_t maxQueuedMessages;   // send queue bound before the visitor is dropped
    int idleTimeoutSeconds;          // a silent visitor socket is closed after this long
};

class VisitorWebSocketHandler final : public Poco::Net::HTTPRequestHandler
{
public:
    explicit VisitorWebSocketHandler(VisitorEndpointContext& context) : context_(context) {}
    void handleRequest(Poco::Net::HTTPServerRequest& request,
                       Poco::Net::HTTPServerResponse& response) override;

private:
    VisitorEndpointContext& context_;
};

} // namespace ringdesk::http
