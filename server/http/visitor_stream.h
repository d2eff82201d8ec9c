#pragma once
// One visitor WebSocket on an event loop after its HTTP handshake (docs/visitor-api.md): RFC 6455
// frames (protocol/websocket_frame.h) carrying one JSON message each. The loop decodes frames,
// answers pings, and posts messages to the dispatcher; what the core sends is queued here and
// framed on the loop. Text messages beyond the context's messageRate are answered with `error`
// `rate_limited` and not passed on (docs/configuration.md, "Visitor limits").

#include "protocol/websocket_frame.h"
#include "server/http/visitor_websocket.h"
#include "server/io/stream_connection.h"

#include <functional>
#include <string>
#include <variant>
#include <vector>

namespace ringdesk::http {

class VisitorStream final : public io::StreamConnection, public dispatch::VisitorLink
{
public:
    /// `address` is the visitor's IP address (for bans); `onClosed` runs once after the
    /// connection closed and the core was told.
    VisitorStream(io::EventLoop& loop, Poco::Net::StreamSocket socket, VisitorEndpointContext& context,
                  std::string address, std::function<void()> onClosed);

    /// Registers the connection (a new id, the registry, `visitorConnected`) and starts reading;
    /// `pending` are bytes the client sent right after its handshake request.
    void start(std::string pending);

    // dispatch::VisitorLink (any thread)
    void deliver(const visitor::ServerMessage& message) override;
    void shutdown(const std::string& reason) override;

private:
    // Send a close frame with this status, then close the connection.
    struct CloseFrame
    {
        std::uint16_t status;
        std::string reason;
    };
    using Outgoing = std::variant<visitor::ServerMessage, CloseFrame>;

    void onBytes(const char* data, std::size_t size) override;
    void flushSendQueue() override;
    void onClosed(const std::string& reason) override;
    void onIdleTimeout() override;
    void handle(protocol::websocket::Message message);
    /// Loop thread: close frame after what is queued.
    void closeWith(std::uint16_t status, const std::string& reason);

    VisitorEndpointContext& context_;
    const core::ConnectionId id_;
    const std::string address_;
    std::function<void()> onClosed_;
    protocol::websocket::FrameDecoder decoder_; // loop thread only
    core::TokenBucket messages_;                // loop thread only: messageRate, steady-clock ms

    io::SendQueue<Outgoing> sendQueue_;
};

} // namespace ringdesk::http
