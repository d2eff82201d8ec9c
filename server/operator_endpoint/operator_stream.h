#pragma once
// One plain-TCP operator connection on an event loop (docs/architecture.md, "Threads"):
// '\n'-framed JSON lines, plain packets or RSA raw envelopes (specs/nlchat-protocol.txt;
// docs/protocol.md). The loop frames lines and handles cheap plain packets itself; raw envelopes
// (RSA private operations) and logins (the KDF) go to the worker pool through this connection's
// strand, so they keep their order and never stall the loop's other connections. What the core
// sends is queued here and encoded (sealed, for RSA clients) on the loop.

#include "protocol/line_framer.h"
#include "server/io/stream_connection.h"
#include "server/io/worker_pool.h"
#include "server/operator_endpoint/operator_line_handler.h"
#include "server/operator_endpoint/packet_encoder.h"
#include "server/operator_endpoint/threaded_operator_connection.h"

#include <functional>
#include <optional>
#include <vector>

namespace ringdesk::operator_endpoint {

class OperatorStream final : public io::StreamConnection, public dispatch::OperatorLink
{
public:
    /// `onClosed` runs once after the connection closed and the core was told.
    OperatorStream(io::EventLoop& loop, Poco::Net::StreamSocket socket, OperatorEndpointContext& context,
                   io::WorkerPool& workers, std::function<void()> onClosed);

    /// Registers the connection (a new id, the registry, `operatorConnected`) and starts reading.
    void start();

    // dispatch::OperatorLink (any thread)
    void deliver(const nlchat::Packet& packet) override;
    void shutdown(const std::string& reason) override;

private:
    /// Lines waiting for the worker before reading pauses (TCP back-pressure on a client that
    /// sends raw envelopes faster than they are decrypted).
    static constexpr std::size_t kMaxWorkerBacklog = 64;

    void onBytes(const char* data, std::size_t size) override;
    void flushSendQueue() override;
    void onClosed(const std::string& reason) override;
    void handleLine(std::string line);

    OperatorEndpointContext& context_;
    const core::ConnectionId id_;
    const std::string peer_;
    std::function<void()> onClosed_;
    PacketEncoder form_;
    OperatorLineHandler lines_;
    std::shared_ptr<io::Strand> strand_;
    protocol::LineFramer framer_; // loop thread only
    bool backlogPaused_ = false;  // loop thread only: reading paused for the worker backlog

    // A packet to write, or std::nullopt: close the connection once what is before it is written.
    using Outgoing = std::optional<nlchat::Packet>;
    io::SendQueue<Outgoing> sendQueue_;
};

} // namespace ringdesk::operator_endpoint
