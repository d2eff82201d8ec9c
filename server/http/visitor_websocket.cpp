#include "server/http/visitor_websocket.h"

#include "protocol/protocol_error.h"
#include "server/runtime/outbound_queue.h"

#include <Poco/Logger.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/WebSocket.h>

#include <optional>
#include <vector>

namespace ringdesk::http {
namespace {

using Poco::Net::WebSocket;

void sendText(WebSocket& socket, const std::string& text)
{
    socket.sendFrame(text.data(), static_cast<int>(text.size()), WebSocket::FRAME_TEXT);
}

class VisitorLinkImpl final : public runtime::VisitorLink
{
public:
    VisitorLinkImpl(WebSocket socket, std::size_t maxQueued)
        : socket_(std::move(socket)),
          queue_([this](const Outgoing& item) { write(item); },
                 [this](const std::string&) { closeSocket(); }, maxQueued, "visitor-writer")
    {
    }
    ~VisitorLinkImpl() override { queue_.stop(); }

    void deliver(const visitor::ServerMessage& message) override { queue_.push(message); }
    void shutdown(const std::string&) override { queue_.push(std::nullopt); }
    void finish() { queue_.stop(); }

private:
    // A message to send, or std::nullopt: close the WebSocket here.
    using Outgoing = std::optional<visitor::ServerMessage>;

    void write(const Outgoing& item)
    {
        if (!item) {
            closeSocket();
            return;
        }
        sendText(socket_, visitor::encodeServer(*item));
    }

    void closeSocket()
    {
        try {
            socket_.shutdown(WebSocket::WS_NORMAL_CLOSE);
            socket_.shutdownReceive();
        } catch (const Poco::Exception&) {
        }
    }

    WebSocket socket_;
    runtime::OutboundQueue<Outgoing> queue_;
};

} // namespace

void VisitorWebSocketHandler::handleRequest(Poco::Net::HTTPServerRequest& request,
                                            Poco::Net::HTTPServerResponse& response)
{
    Poco::Logger& logger = Poco::Logger::get("ringdesk.visitor");
    std::optional<WebSocket> socket;
    try {
        socket.emplace(request, response);
    } catch (const Poco::Net::WebSocketException& e) {
        logger.notice("refused WebSocket handshake: %s", e.displayText());
        response.setStatusAndReason(Poco::Net::HTTPResponse::HTTP_BAD_REQUEST);
        response.setContentLength(0);
        response.send();
        return;
    }
    socket->setReceiveTimeout(Poco::Timespan(context_.idleTimeoutSeconds, 0));

    const core::ConnectionId id = context_.registry.nextId();
    const std::string address = request.clientAddress().host().toString();
    auto link = std::make_shared<VisitorLinkImpl>(*socket, context_.maxQueuedMessages);
    context_.registry.add(id, link);
    context_.dispatcher.post([id, address](core::Core& core) { core.visitorConnected(id, address); });

    std::vector<char> buffer(context_.maxFrameBytes);
    std::string reason = "closed by visitor";
    try {
        for (;;) {
            int flags = 0;
            const int size = socket->receiveFrame(buffer.data(), static_cast<int>(buffer.size()), flags);
            const int opcode = flags & WebSocket::FRAME_OP_BITMASK;
            if (size == 0 && flags == 0)
                break; // peer closed the TCP connection
            if (opcode == WebSocket::FRAME_OP_CLOSE)
                break;
            if (opcode == WebSocket::FRAME_OP_PING) {
                socket->sendFrame(buffer.data(), size,
                                  static_cast<int>(WebSocket::FRAME_FLAG_FIN) | static_cast<int>(WebSocket::FRAME_OP_PONG));
                continue;
            }
            if (opcode != WebSocket::FRAME_OP_TEXT || (flags & WebSocket::FRAME_FLAG_FIN) == 0) {
                if (opcode == WebSocket::FRAME_OP_PONG)
                    continue;
                link->deliver(visitor::ErrorReply{protocol::error_code::kBadJson,
                                                  "send one JSON object per unfragmented text frame"});
                continue;
            }
            try {
                visitor::ClientMessage message =
                    visitor::decodeClient(std::string_view(buffer.data(), static_cast<std::size_t>(size)));
                context_.dispatcher.post([id, message = std::move(message)](core::Core& core) {
                    core.visitorMessage(id, message);
                });
            } catch (const protocol::ProtocolError& e) {
                link->deliver(visitor::ErrorReply{e.code(), e.what()});
            }
        }
    } catch (const Poco::TimeoutException&) {
        reason = "idle timeout";
    } catch (const Poco::Net::WebSocketException& e) {
        // An oversize frame lands here: tell the visitor why before closing.
        link->deliver(visitor::ErrorReply{protocol::error_code::kTooLarge, e.message()});
        reason = e.displayText();
    } catch (const Poco::Exception& e) {
        reason = e.displayText();
    }
    logger.debug("visitor connection %Lu ended: %s", static_cast<unsigned long long>(id), reason);
    context_.dispatcher.post([id](core::Core& core) { core.visitorClosed(id); });
    context_.registry.remove(id);
    link->shutdown(reason);
    link->finish();
}

} // namespace ringdesk::http
