#include "server/http/visitor_websocket.h"

#include "protocol/websocket_frame.h"
#include "server/http/visitor_stream.h"

#include <Poco/Buffer.h>
#include <Poco/Logger.h>
#include <Poco/Net/HTTPServerRequestImpl.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/HTTPServerSession.h>
#include <Poco/String.h>
#include <Poco/StringTokenizer.h>

namespace ringdesk::http {
namespace {

using Poco::Net::HTTPResponse;

bool hasToken(const std::string& headerValue, const std::string& token)
{
    const Poco::StringTokenizer tokens(headerValue, ",", Poco::StringTokenizer::TOK_TRIM | Poco::StringTokenizer::TOK_IGNORE_EMPTY);
    for (const std::string& each : tokens)
        if (Poco::icompare(each, token) == 0)
            return true;
    return false;
}

/// Why the request is not a WebSocket opening handshake (RFC 6455 §4.2.1), or empty.
std::string handshakeProblem(const Poco::Net::HTTPServerRequest& request)
{
    if (request.getMethod() != Poco::Net::HTTPRequest::HTTP_GET)
        return "not a GET request";
    if (!hasToken(request.get("Connection", ""), "upgrade") || Poco::icompare(request.get("Upgrade", ""), "websocket") != 0)
        return "missing Connection: Upgrade / Upgrade: websocket";
    if (request.get("Sec-WebSocket-Version", "") != "13")
        return "unsupported Sec-WebSocket-Version";
    if (request.get("Sec-WebSocket-Key", "").empty())
        return "missing Sec-WebSocket-Key";
    return {};
}

void refuse(Poco::Net::HTTPServerResponse& response, HTTPResponse::HTTPStatus status)
{
    response.setStatusAndReason(status);
    if (status == HTTPResponse::HTTP_BAD_REQUEST)
        response.set("Sec-WebSocket-Version", "13");
    response.setContentLength(0);
    response.send();
}

} // namespace

void VisitorWebSocketHandler::handleRequest(Poco::Net::HTTPServerRequest& request,
                                            Poco::Net::HTTPServerResponse& response)
{
    Poco::Logger& logger = Poco::Logger::get("ringdesk.visitor");
    if (const std::string problem = handshakeProblem(request); !problem.empty()) {
        logger.notice("refused WebSocket handshake: %s", problem);
        refuse(response, HTTPResponse::HTTP_BAD_REQUEST);
        return;
    }
    if (++context_.liveConnections > context_.maxConnections) {
        --context_.liveConnections;
        logger.warning("refused WebSocket: %z visitor connections open", context_.maxConnections);
        refuse(response, HTTPResponse::HTTP_SERVICE_UNAVAILABLE);
        return;
    }
    std::atomic<std::size_t>& live = context_.liveConnections;
    const std::string address = request.clientAddress().host().toString();
    if (!context_.perAddress.tryAdd(address)) {
        --live;
        logger.debug("refused WebSocket: %z visitor connections open from %s", context_.perAddress.maxPerAddress(),
                     address);
        refuse(response, HTTPResponse::HTTP_TOO_MANY_REQUESTS);
        return;
    }
    io::ConnectionsPerAddress& perAddress = context_.perAddress;
    Poco::Net::StreamSocket socket;
    Poco::Buffer<char> buffered(0);
    try {
        response.setStatusAndReason(HTTPResponse::HTTP_SWITCHING_PROTOCOLS);
        response.set("Upgrade", "websocket");
        response.set("Connection", "Upgrade");
        response.set("Sec-WebSocket-Accept", protocol::websocket::acceptKey(request.get("Sec-WebSocket-Key")));
        response.setContentLength(HTTPResponse::UNKNOWN_CONTENT_LENGTH);
        response.send().flush();
        // Take the socket out of the HTTP session, with any bytes the client sent after its
        // request that the session already buffered (what POCO's WebSocket class does).
        auto& requestImpl = static_cast<Poco::Net::HTTPServerRequestImpl&>(request);
        requestImpl.session().drainBuffer(buffered);
        socket = requestImpl.detachSocket();
    } catch (...) {
        perAddress.remove(address);
        --live;
        throw;
    }
    auto stream = std::make_shared<VisitorStream>(context_.loops.next(), socket, context_, address,
                                                  [&live, &perAddress, address] {
                                                      perAddress.remove(address);
                                                      --live;
                                                  });
    stream->start(std::string(buffered.begin(), buffered.size()));
}

} // namespace ringdesk::http
