#include "server/http/visitor_stream.h"

#include "protocol/protocol_error.h"

#include <Poco/Logger.h>

#include <chrono>

namespace ringdesk::http {

namespace ws = protocol::websocket;

namespace {

std::int64_t steadyMs()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

} // namespace

VisitorStream::VisitorStream(io::EventLoop& loop, Poco::Net::StreamSocket socket, VisitorEndpointContext& context,
                             std::string address, std::function<void()> onClosed)
    : io::StreamConnection(loop, socket, context.maxQueuedMessages,
                           std::chrono::seconds(context.idleTimeoutSeconds)),
      context_(context), id_(context.registry.nextId()), address_(std::move(address)),
      onClosed_(std::move(onClosed)), decoder_(context.maxFrameBytes), messages_(context.messageRate, steadyMs())
{
}

void VisitorStream::start(std::string pending)
{
    const core::ConnectionId id = id_;
    context_.registry.add(id, std::static_pointer_cast<VisitorStream>(shared_from_this()));
    context_.dispatcher.post([id, address = address_](core::Core& core) { core.visitorConnected(id, address); });
    open(std::move(pending));
}

void VisitorStream::deliver(const visitor::ServerMessage& message)
{
    offerFromOutside(sendQueue_, Outgoing{message});
}

void VisitorStream::shutdown(const std::string&)
{
    if (sendQueue_.offerLast(CloseFrame{ws::close_code::kNormal, "closed by server"}))
        requestFlush();
}

void VisitorStream::closeWith(std::uint16_t status, const std::string& reason)
{
    loop().assertInLoopThread();
    if (sendQueue_.offerLast(CloseFrame{status, reason}))
        flushSendQueue();
}

void VisitorStream::flushSendQueue()
{
    loop().assertInLoopThread();
    std::vector<Outgoing> items = sendQueue_.take();
    for (Outgoing& item : items) {
        if (auto* message = std::get_if<visitor::ServerMessage>(&item)) {
            queueBytes(ws::encodeFrame(ws::Opcode::kText, visitor::encodeServer(*message)));
            continue;
        }
        const auto& close = std::get<CloseFrame>(item);
        queueBytes(ws::encodeClose(close.status));
        closeAfterWrite(close.reason);
        return;
    }
}

void VisitorStream::onBytes(const char* data, std::size_t size)
{
    loop().assertInLoopThread();
    decoder_.feed(data, size);
    try {
        while (isOpen()) {
            std::optional<ws::Message> message = decoder_.next();
            if (!message)
                return;
            handle(std::move(*message));
        }
    } catch (const ws::FrameError& e) {
        // An oversize message is answered with the reason before the close (docs/visitor-api.md).
        if (e.code() == protocol::error_code::kTooLarge)
            deliver(visitor::ErrorReply{e.code(), e.what()});
        closeWith(e.closeCode(), e.what());
    }
}

void VisitorStream::handle(ws::Message message)
{
    loop().assertInLoopThread();
    switch (message.opcode) {
    case ws::Opcode::kClose:
        closeWith(ws::closeStatus(message.payload).value_or(ws::close_code::kNormal), "closed by visitor");
        return;
    case ws::Opcode::kPing:
        queueBytes(ws::encodeFrame(ws::Opcode::kPong, message.payload));
        return;
    case ws::Opcode::kPong:
        return;
    case ws::Opcode::kText:
        break;
    default:
        deliver(visitor::ErrorReply{protocol::error_code::kBadJson, "send one JSON object per text message"});
        return;
    }
    if (const std::int64_t now = steadyMs(); !messages_.take(now)) {
        deliver(visitor::ErrorReply{protocol::error_code::kRateLimited,
                                    "too many messages; " + core::retryInText(messages_.retryAfterMs(now))});
        return;
    }
    try {
        visitor::ClientMessage decoded = visitor::decodeClient(message.payload);
        const core::ConnectionId id = id_;
        context_.dispatcher.post(
            [id, decoded = std::move(decoded)](core::Core& core) { core.visitorMessage(id, decoded); });
    } catch (const protocol::ProtocolError& e) {
        deliver(visitor::ErrorReply{e.code(), e.what()});
    }
}

void VisitorStream::onIdleTimeout()
{
    loop().assertInLoopThread();
    closeWith(ws::close_code::kGoingAway, "idle timeout");
}

void VisitorStream::onClosed(const std::string& reason)
{
    loop().assertInLoopThread();
    sendQueue_.refuseAll();
    Poco::Logger::get("ringdesk.visitor")
        .debug("visitor connection %Lu ended: %s", static_cast<Poco::UInt64>(id_), reason);
    const core::ConnectionId id = id_;
    context_.dispatcher.post([id](core::Core& core) { core.visitorClosed(id); });
    context_.registry.remove(id);
    onClosed_();
}

} // namespace ringdesk::http
