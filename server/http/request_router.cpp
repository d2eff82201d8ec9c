#include "server/http/request_router.h"

#include "protocol/visitor_message.h"

#include <Poco/File.h>
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Path.h>
#include <Poco/URI.h>

namespace ringdesk::http {
namespace {

using Poco::Net::HTTPResponse;
using Poco::Net::HTTPServerRequest;
using Poco::Net::HTTPServerResponse;

/// A fixed body (key, health, metrics, errors).
class TextHandler final : public Poco::Net::HTTPRequestHandler
{
public:
    TextHandler(HTTPResponse::HTTPStatus status, std::string contentType, std::string body)
        : status_(status), contentType_(std::move(contentType)), body_(std::move(body))
    {
    }
    void handleRequest(HTTPServerRequest&, HTTPServerResponse& response) override
    {
        response.setStatusAndReason(status_);
        response.setContentType(contentType_);
        response.set("Cache-Control", "no-store");
        response.sendBuffer(body_.data(), body_.size());
    }

private:
    HTTPResponse::HTTPStatus status_;
    std::string contentType_;
    std::string body_;
};

/// A file from disk (the widget bundle and the demo page).
class FileHandler final : public Poco::Net::HTTPRequestHandler
{
public:
    FileHandler(std::string path, std::string contentType)
        : path_(std::move(path)), contentType_(std::move(contentType))
    {
    }
    void handleRequest(HTTPServerRequest&, HTTPServerResponse& response) override
    {
        if (!Poco::File(path_).exists()) {
            response.setStatusAndReason(HTTPResponse::HTTP_NOT_FOUND);
            response.setContentType("text/plain; charset=utf-8");
            const std::string body = "not built: " + Poco::Path(path_).getFileName() + "\n";
            response.sendBuffer(body.data(), body.size());
            return;
        }
        response.set("Cache-Control", "no-cache");
        response.set("X-Content-Type-Options", "nosniff");
        response.sendFile(path_, contentType_);
    }

private:
    std::string path_;
    std::string contentType_;
};

} // namespace

Poco::Net::HTTPRequestHandler* RequestRouter::createRequestHandler(const HTTPServerRequest& request)
{
    const std::string path = Poco::URI(request.getURI()).getPath();
    if (path == visitor::kWebSocketPath)
        return new VisitorWebSocketHandler(context_.visitors);
    if (request.getMethod() != Poco::Net::HTTPRequest::HTTP_GET &&
        request.getMethod() != Poco::Net::HTTPRequest::HTTP_HEAD)
        return new TextHandler(HTTPResponse::HTTP_METHOD_NOT_ALLOWED, "text/plain; charset=utf-8",
                               "method not allowed\n");
    if (path == "/" || path == "/index.html")
        return new FileHandler(context_.demoPage, "text/html; charset=utf-8");
    if (path == "/widget.js")
        return new FileHandler(Poco::Path(context_.widgetDir, "widget.js").toString(),
                               "text/javascript; charset=utf-8");
    if (path == "/widget.js.map")
        return new FileHandler(Poco::Path(context_.widgetDir, "widget.js.map").toString(),
                               "application/json");
    if (path == "/keys/server.pem")
        return new TextHandler(HTTPResponse::HTTP_OK, "application/x-pem-file",
                               context_.serverPublicKeyPem);
    if (path == "/healthz")
        return new TextHandler(HTTPResponse::HTTP_OK, "text/plain; charset=utf-8", "ok\n");
    if (path == "/metrics")
        return new TextHandler(HTTPResponse::HTTP_OK, "text/plain; version=0.0.4; charset=utf-8",
                               context_.metrics());
    return new TextHandler(HTTPResponse::HTTP_NOT_FOUND, "text/plain; charset=utf-8", "not found\n");
}

} // namespace ringdesk::http
