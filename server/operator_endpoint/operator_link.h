#pragma once
// The send side of an operator connection: answers each client in the form it uses
// (PRODUCT.md, "Wire contract"): plain JSON lines, or raw envelopes sealed with the client's
// public key once the client has sent raw envelopes.

#include "protocol/rsa_key.h"
#include "server/runtime/connection_registry.h"
#include "server/runtime/outbound_queue.h"

#include <Poco/Net/StreamSocket.h>

#include <mutex>
#include <optional>
#include <string>

namespace ringdesk::operator_endpoint {

class OperatorLinkImpl final : public runtime::OperatorLink
{
public:
    /// `socket` is shared with the reading thread (POCO sockets are reference-counted handles).
    OperatorLinkImpl(Poco::Net::StreamSocket socket, std::size_t maxQueuedPackets);
    ~OperatorLinkImpl() override;

    void deliver(const nlchat::Packet& packet) override;
    void shutdown(const std::string& reason) override;

    /// The client's key and UUID from its `key` packet (1.1.6); raw answers need both.
    void setClientKey(std::optional<protocol::RsaPublicKey> key, const std::string& uuid);
    /// Records the form of the client's latest packet; answers follow it.
    void setClientUsesRaw(bool raw);
    /// Stops the writer after what is queued (the reading thread is ending).
    void finish();

private:
    // A packet to write, or std::nullopt: close the connection here.
    using Outgoing = std::optional<nlchat::Packet>;
    void write(const Outgoing& item);

    Poco::Net::StreamSocket socket_;
    std::mutex mutex_; // guards the three fields below
    std::optional<protocol::RsaPublicKey> clientKey_;
    std::string clientUuid_;
    bool raw_ = false;
    runtime::OutboundQueue<Outgoing> queue_;
};

} // namespace ringdesk::operator_endpoint
