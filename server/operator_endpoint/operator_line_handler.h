#pragma once
// What an operator connection does with one received line (specs/nlchat-protocol.txt;
// docs/protocol.md): open a raw envelope with the server key, decode the packet, verify a
// login (the slow KDF), record the client's key and answer form, and post the event to the
// dispatcher. A line that does not make a valid packet is answered with an `error` packet and
// the connection stays. Shared by the event-loop connection (plain TCP) and the threaded one.

#include "protocol/protocol_error.h"
#include "server/operator_endpoint/packet_encoder.h"
#include "server/operator_endpoint/threaded_operator_connection.h"

#include <Poco/Logger.h>
#include <Poco/Net/SocketAddress.h>

#include <string>

namespace ringdesk::operator_endpoint {

class OperatorLineHandler
{
public:
    /// `replies` receives error answers; `form` is the connection's answer form; `peer` is the
    /// client's address (logs, and the login throttle by its host).
    OperatorLineHandler(OperatorEndpointContext& context, core::ConnectionId id,
                        const Poco::Net::SocketAddress& peer, PacketEncoder& form,
                        dispatch::OperatorLink& replies);

    /// Handles a non-empty line; may take long (RSA private operations, the login KDF), so the
    /// event loops call it on a worker. One line at a time per connection, in arrival order.
    void handle(const std::string& line);

    /// Handles `line` at once when that is cheap — a plain line that is not a `login` — and
    /// returns true; returns false having done nothing when the line needs handle().
    bool handleIfCheap(const std::string& line);

private:
    void dispatch(nlchat::Packet packet, bool raw);
    void refuse(const protocol::ProtocolError& e);

    OperatorEndpointContext& context_;
    const core::ConnectionId id_;
    const std::string peer_;     // host:port, for the logs
    const std::string peerHost_; // the login throttle's key
    PacketEncoder& form_;
    dispatch::OperatorLink& replies_;
    Poco::Logger& logger_;
};

} // namespace ringdesk::operator_endpoint
