#pragma once
// The visitor WebSocket's HTTP side (docs/visitor-api.md): POCO's HTTPServer parses the
// `GET /visitor/ws` upgrade request on one of its threads; this handler checks it (RFC 6455
// §4.2.1), answers 101 with Sec-WebSocket-Accept, takes the socket out of the HTTP session and
// hands it to an event loop as a VisitorStream (visitor_stream.h). The HTTP thread is then free;
// the WebSocket holds no thread of its own.

#include "server/core/token_bucket.h"
#include "server/dispatch/connection_registry.h"
#include "server/dispatch/core_inbox.h"
#include "server/io/connections_per_address.h"
#include "server/io/event_loop.h"

#include <Poco/Net/HTTPRequestHandler.h>

#include <atomic>
#include <cstddef>

namespace ringdesk::http {

struct VisitorEndpointContext
{
    dispatch::CoreInbox& dispatcher;
    dispatch::ConnectionRegistry& registry;
    std::size_t maxFrameBytes;       // longest accepted message payload, bytes
    std::size_t maxQueuedMessages;   // send queue bound before the visitor is dropped
    int idleTimeoutSeconds;          // a silent visitor socket is closed after this long
    io::EventLoopGroup& loops;       // where the WebSockets run
    std::size_t maxConnections;      // live WebSockets at once; more are refused with 503
    std::atomic<std::size_t>& liveConnections;
    io::ConnectionsPerAddress& perAddress; // live WebSockets per address; more are refused with 429
    core::RateLimit messageRate;           // client messages per WebSocket; more get `rate_limited`
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
