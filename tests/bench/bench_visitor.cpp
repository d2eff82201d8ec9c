#include "bench_visitor.h"

#include "operator-client/session/timespan.h"
#include "protocol/limits.h"

#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>

#include <stdexcept>

namespace ringdesk::bench {
using operator_client::toTimespan;

BenchVisitor::BenchVisitor(const std::string& host, std::uint16_t port, std::chrono::milliseconds timeout)
    : session_(host, port), buffer_(2 * protocol::limits::kMaxVisitorFrameBytes)
{
    session_.setTimeout(toTimespan(timeout));
    Poco::Net::HTTPRequest request(Poco::Net::HTTPRequest::HTTP_GET, "/visitor/ws",
                                   Poco::Net::HTTPMessage::HTTP_1_1);
    Poco::Net::HTTPResponse response;
    socket_ = std::make_unique<Poco::Net::WebSocket>(session_, request, response);
    socket_->setNoDelay(true);
    // Frames are read only when epoll reports bytes; a stalled frame is a failure, not a hang.
    socket_->setReceiveTimeout(toTimespan(timeout));
}

BenchVisitor::~BenchVisitor()
{
    try {
        socket_->close();
    } catch (const Poco::Exception&) {
        // The server may have closed first; the descriptor is released either way.
    }
}

int BenchVisitor::fd() const { return socket_->impl()->sockfd(); }

void BenchVisitor::send(const visitor::ClientMessage& message)
{
    const std::string text = visitor::encodeClient(message);
    socket_->sendFrame(text.data(), static_cast<int>(text.size()), Poco::Net::WebSocket::FRAME_TEXT);
}

std::optional<std::string_view> BenchVisitor::readFrame()
{
    int flags = 0;
    const int size = socket_->receiveFrame(buffer_.data(), static_cast<int>(buffer_.size()), flags);
    const int opcode = flags & Poco::Net::WebSocket::FRAME_OP_BITMASK;
    if ((size == 0 && flags == 0) || opcode == Poco::Net::WebSocket::FRAME_OP_CLOSE)
        throw std::runtime_error("the server closed a visitor WebSocket");
    if (opcode != Poco::Net::WebSocket::FRAME_OP_TEXT)
        return std::nullopt;
    return std::string_view(buffer_.data(), static_cast<std::size_t>(size));
}

std::optional<visitor::ServerMessage> BenchVisitor::receive(std::chrono::milliseconds timeout)
{
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    for (;;) {
        if (!socket_->poll(toTimespan(deadline - std::chrono::steady_clock::now()),
                           Poco::Net::Socket::SELECT_READ))
            return std::nullopt;
        if (const auto frame = readFrame())
            return visitor::decodeServer(*frame);
    }
}

void BenchVisitor::hello(const std::string& name, std::chrono::milliseconds timeout)
{
    send(visitor::Hello{"", 0, name, "https://bench.example/"});
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (std::chrono::steady_clock::now() < deadline) {
        const auto message = receive(std::chrono::duration_cast<std::chrono::milliseconds>(
            deadline - std::chrono::steady_clock::now()));
        if (message && std::holds_alternative<visitor::Welcome>(*message))
            return;
    }
    throw std::runtime_error("no welcome for visitor " + name);
}

} // namespace ringdesk::bench
