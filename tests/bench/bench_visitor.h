#pragma once
// A website visitor on the visitor WebSocket (docs/visitor-api.md): POCO's WebSocket client for
// the handshake and frames; the socket is then driven by an EventLoop (readable → readFrame()).

#include "protocol/visitor_message.h"

#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/WebSocket.h>

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ringdesk::bench {

class BenchVisitor
{
public:
    /// Opens ws://host:port/visitor/ws within `timeout`. Throws Poco::Exception.
    BenchVisitor(const std::string& host, std::uint16_t port, std::chrono::milliseconds timeout);
    ~BenchVisitor();
    BenchVisitor(const BenchVisitor&) = delete;
    BenchVisitor& operator=(const BenchVisitor&) = delete;

    /// The socket's descriptor, for EventLoop::add().
    int fd() const;

    /// Sends one message as one text frame (blocking until the kernel has it).
    void send(const visitor::ClientMessage& message);

    /// Reads one whole frame (blocks until it is complete; call when fd() is readable) and
    /// returns its text, or std::nullopt for a control frame. The view is valid until the
    /// next call. Throws std::runtime_error when the server closed the WebSocket.
    std::optional<std::string_view> readFrame();

    /// Waits up to `timeout` for the next server message (setup only; decodes it).
    std::optional<visitor::ServerMessage> receive(std::chrono::milliseconds timeout);

    /// Sends hello and waits for welcome. Throws std::runtime_error when none comes in time.
    void hello(const std::string& name, std::chrono::milliseconds timeout);

private:
    Poco::Net::HTTPClientSession session_;
    std::unique_ptr<Poco::Net::WebSocket> socket_;
    std::vector<char> buffer_;
};

} // namespace ringdesk::bench
