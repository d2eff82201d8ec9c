#include "server/operator_endpoint/operator_stream.h"

#include "protocol/protocol_error.h"

#include <Poco/Logger.h>

namespace ringdesk::operator_endpoint {

OperatorStream::OperatorStream(io::EventLoop& loop, Poco::Net::StreamSocket socket,
                               OperatorEndpointContext& context, io::WorkerPool& workers,
                               std::function<void()> onClosed)
    : io::StreamConnection(loop, socket, context.maxQueuedPackets, std::chrono::milliseconds(0)),
      context_(context), id_(context.registry.nextId()), peer_(socket.peerAddress().toString()),
      onClosed_(std::move(onClosed)), lines_(context, id_, socket.peerAddress(), form_, *this),
      strand_(std::make_shared<io::Strand>(workers)), framer_(context.maxLineBytes)
{
}

void OperatorStream::start()
{
    const core::ConnectionId id = id_;
    context_.registry.add(id, std::static_pointer_cast<OperatorStream>(shared_from_this()));
    context_.dispatcher.post([id, peer = peer_](core::Core& core) { core.operatorConnected(id, peer); });
    Poco::Logger::get("ringdesk.operator")
        .information("operator connection %Lu from %s", static_cast<Poco::UInt64>(id), peer_);
    open();
}

void OperatorStream::deliver(const nlchat::Packet& packet) { offerFromOutside(sendQueue_, Outgoing{packet}); }

void OperatorStream::shutdown(const std::string&)
{
    if (sendQueue_.offerLast(std::nullopt))
        requestFlush();
}

void OperatorStream::flushSendQueue()
{
    loop().assertInLoopThread();
    const std::vector<Outgoing> items = sendQueue_.take();
    for (const Outgoing& item : items) {
        if (!item) {
            closeAfterWrite("closed by server");
            return;
        }
        try {
            queueBytes(form_.encode(*item));
        } catch (const protocol::ProtocolError& e) {
            closeNow(std::string("cannot seal an answer: ") + e.what());
            return;
        }
    }
}

void OperatorStream::onBytes(const char* data, std::size_t size)
{
    loop().assertInLoopThread();
    framer_.feed(data, size);
    for (;;) {
        std::optional<std::string> line;
        try {
            line = framer_.next();
        } catch (const protocol::ProtocolError& e) {
            // A line over the limit: the stream can no longer be split into lines, so the peer
            // is told why and the connection is closed.
            deliver(nlchat::Error{e.code(), e.what(), {}});
            closeAfterWrite(e.what());
            return;
        }
        if (!line)
            return;
        if (!line->empty())
            handleLine(std::move(*line));
    }
}

void OperatorStream::handleLine(std::string line)
{
    loop().assertInLoopThread();
    if (strand_->idle() && lines_.handleIfCheap(line))
        return;
    auto self = std::static_pointer_cast<OperatorStream>(shared_from_this());
    strand_->post([self, line = std::move(line)] { self->lines_.handle(line); });
    if (!backlogPaused_ && strand_->pending() > kMaxWorkerBacklog && isOpen()) {
        backlogPaused_ = true;
        pauseReading();
        // Queued behind the backlog: reading resumes once the worker got through it.
        strand_->post([self] {
            self->loop().post([self] {
                self->loop().assertInLoopThread("OperatorStream::handleLine");
                self->backlogPaused_ = false;
                self->resumeReading();
            });
        });
    }
}

void OperatorStream::onClosed(const std::string& reason)
{
    loop().assertInLoopThread();
    sendQueue_.refuseAll();
    Poco::Logger::get("ringdesk.operator")
        .information("operator connection %Lu from %s ended: %s", static_cast<Poco::UInt64>(id_), peer_,
                     reason);
    // The core hears of the close after every packet that arrived before it.
    auto self = std::static_pointer_cast<OperatorStream>(shared_from_this());
    auto finish = [self] {
        const core::ConnectionId id = self->id_;
        self->context_.dispatcher.post([id](core::Core& core) { core.operatorClosed(id); });
        self->context_.registry.remove(id);
        self->onClosed_();
    };
    if (strand_->idle())
        finish();
    else
        strand_->post(std::move(finish));
}

} // namespace ringdesk::operator_endpoint
