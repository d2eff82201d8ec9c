#pragma once
// A website visitor for tests: the visitor WebSocket (docs/visitor-api.md) at
// ws://host:port/visitor/ws, speaking the messages of protocol/visitor_message.h.
// One thread owns a client.

#include "protocol/visitor_message.h"

#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/WebSocket.h>

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace ringdesk::integration {

class VisitorClient
{
public:
    /// Opens the WebSocket within `timeout`. Throws Poco::Exception when the handshake fails.
    VisitorClient(const std::string& host, std::uint16_t httpPort,
                  std::chrono::milliseconds timeout = std::chrono::seconds(10));
    ~VisitorClient();

    /// Sends one message as one text frame.
    void send(const visitor::ClientMessage& message);

    /// The next server message, waiting up to `timeout`; std::nullopt on timeout.
    /// Throws std::runtime_error when the server closed the WebSocket, and
    /// protocol::ProtocolError when a frame does not decode.
    std::optional<visitor::ServerMessage> receive(std::chrono::milliseconds timeout);

    /// Closes the WebSocket (close frame, then the socket) without a `close` message.
    void close() noexcept;

private:
    Poco::Net::HTTPClientSession session_;
    std::unique_ptr<Poco::Net::WebSocket> socket_;
    std::vector<char> buffer_;
};

} // namespace ringdesk::integration
