#pragma once
// Routes every HTTP request of the server (PRODUCT.md, "HTTP"): the widget's files and demo
// page, the visitor WebSocket, the server's public key, /healthz and /metrics.

#include "server/http/visitor_websocket.h"

#include <Poco/Net/HTTPRequestHandlerFactory.h>

#include <functional>
#include <string>

namespace ringdesk::http {

struct HttpContext
{
    VisitorEndpointContext visitors;
    std::string widgetDir;         // holds widget.js (and its source map)
    std::string demoPage;          // the HTML file served at "/"
    std::string serverPublicKeyPem;
    std::function<std::string()> metrics; // Prometheus text exposition
};

class RequestRouter final : public Poco::Net::HTTPRequestHandlerFactory
{
public:
    explicit RequestRouter(HttpContext& context) : context_(context) {}
    Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest& request) override;

private:
    HttpContext& context_;
};

} // namespace ringdesk::http
