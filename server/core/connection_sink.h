#pragma once
// What the core tells the front-ends to do. The core never touches a socket: it names a
// connection and a packet; the front-end encodes (plain or RSA) and writes it.

#include "protocol/nlchat_packet.h"
#include "protocol/visitor_message.h"

#include <cstdint>
#include <string>

namespace ringdesk::core {

/// Identifies one live connection of any front-end; never reused within a process.
using ConnectionId = std::uint64_t;

class ConnectionSink
{
public:
    virtual ~ConnectionSink() = default;
    virtual void sendToOperator(ConnectionId connection, const nlchat::Packet& packet) = 0;
    virtual void sendToVisitor(ConnectionId connection, const visitor::ServerMessage& message) = 0;
    /// Closes the connection after the packets already queued for it are written.
    virtual void close(ConnectionId connection, const std::string& reason) = 0;
};

} // namespace ringdesk::core
