#pragma once
// How an operator connection answers (PRODUCT.md, "Wire contract"): plain JSON lines, or raw
// envelopes sealed with the client's public key once the client has sent raw envelopes.
// Shared by the event-loop connection and the threaded (TLS) one. Thread-safe.

#include "protocol/nlchat_packet.h"
#include "protocol/rsa_key.h"

#include <mutex>
#include <optional>
#include <string>

namespace ringdesk::operator_endpoint {

class PacketEncoder
{
public:
    /// The client's key and UUID from its `key` packet (1.1.6); raw answers need both.
    void setClientKey(std::optional<protocol::RsaPublicKey> key, const std::string& uuid);
    /// Records the form of the client's latest valid packet; answers follow it.
    void setClientUsesRaw(bool raw);

    /// `packet` as one '\n'-terminated line in the current form (sealing costs one RSA public
    /// operation per block). Throws protocol::ProtocolError when sealing fails.
    std::string encode(const nlchat::Packet& packet) const;

private:
    mutable std::mutex mutex_; // guards the three fields below
    std::optional<protocol::RsaPublicKey> clientKey_;
    std::string clientUuid_;
    bool raw_ = false;
};

} // namespace ringdesk::operator_endpoint
