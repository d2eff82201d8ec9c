#include "support/visitor_client.h"

#include "operator-client/session/timespan.h"
#include "protocol/limits.h"

#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>

#include <stdexcept>

namespace ringdesk::integration {
using operator_client::toTimespan;

VisitorClient::VisitorClient(const std::string& host, std::uint16_t httpPort, std::chrono::milliseconds timeout)
    : session_(host, httpPort), buffer_(4 * protocol::limits::kMaxVisitorFrameBytes)
{
    session_.setTimeout(toTimespan(timeout));
    Poco::Net::HTTPRequest request(Poco::Net::HTTPRequest::HTTP_GET, "/visitor/ws",
                                   Poco::Net::HTTPMessage::HTTP_1_1);
    Poco::Net::HTTPResponse response;
    socket_ = std::make_unique<Poco::Net::WebSocket>(session_, request, response);
}

VisitorClient::~VisitorClient() { close(); }

void VisitorClient::send(const visitor::ClientMessage& message)
{
    const std::string text = visitor::encodeClient(message);
    socket_->sendFrame(text.data(), static_cast<int>(text.size()), Poco::Net::WebSocket::FRAME_TEXT);
}

std::optional<visitor::ServerMessage> VisitorClient::receive(std::chrono::milliseconds timeout)
{
    if (!socket_)
        throw std::runtime_error("the visitor WebSocket is closed");
    socket_->setReceiveTimeout(toTimespan(timeout));
    for (;;) {
        int flags = 0;
        int size = 0;
        try {
            size = socket_->receiveFrame(buffer_.data(), static_cast<int>(buffer_.size()), flags);
        } catch (const Poco::TimeoutException&) {
            return std::nullopt;
        }
        const int opcode = flags & Poco::Net::WebSocket::FRAME_OP_BITMASK;
        if ((size == 0 && flags == 0) || opcode == Poco::Net::WebSocket::FRAME_OP_CLOSE)
            throw std::runtime_error("the server closed the visitor WebSocket");
        if (opcode != Poco::Net::WebSocket::FRAME_OP_TEXT)
            continue; // pings and pongs carry no message
        return visitor::decodeServer(std::string_view(buffer_.data(), static_cast<std::size_t>(size)));
    }
}

void VisitorClient::close() noexcept
{
    if (!socket_)
        return;
    try {
        socket_->shutdown();
        socket_->close();
    } catch (const Poco::Exception&) {
        // The server may have closed first; the socket is released either way.
    }
    socket_.reset();
}

} // namespace ringdesk::integration
