#pragma once
// The test's side of the wire protocols on a socket pair: operator JSON lines, visitor
// WebSocket frames (masked as a browser's, RFC 6455 §5.3), IMS documents. Every read has a
// deadline; a helper that waits for a kind of message skips the others and says what it saw.

#include "protocol/nlchat_packet.h"
#include "protocol/visitor_message.h"
#include "protocol/websocket_frame.h"
#include "support/socket_pair.h"

#include <cstdint>
#include <stdexcept>
#include <string>
#include <variant>

namespace ringdesk::front_end_tests {

inline void sendPacket(test_support::PeerSocket& peer, const nlchat::Packet& packet)
{
    peer.send(nlchat::encode(packet) + "\n");
}

/// The next packet of type T from the server; other packets are skipped.
template <typename T>
T awaitPacket(test_support::PeerSocket& peer)
{
    std::string seen;
    for (;;) {
        const std::optional<std::string> line = peer.readLine();
        if (!line)
            throw std::runtime_error("the server closed the operator connection; seen: " + seen);
        nlchat::Packet packet = nlchat::decode(*line);
        if (auto* wanted = std::get_if<T>(&packet))
            return *wanted;
        seen += *line + "\n";
    }
}

/// One frame from the server (unmasked, §5.1).
struct ServerFrame
{
    protocol::websocket::Opcode opcode;
    std::string payload;
};

inline ServerFrame readFrame(test_support::PeerSocket& peer)
{
    const std::string head = peer.read(2);
    if (head.size() < 2)
        throw std::runtime_error("the server closed the visitor connection");
    const auto opcode = static_cast<protocol::websocket::Opcode>(static_cast<std::uint8_t>(head[0]) & 0x0f);
    std::uint64_t length = static_cast<std::uint8_t>(head[1]) & 0x7f;
    if (length >= 126) {
        const std::string extended = peer.read(length == 126 ? 2 : 8);
        length = 0;
        for (const char byte : extended)
            length = (length << 8) | static_cast<std::uint8_t>(byte);
    }
    return ServerFrame{opcode, peer.read(static_cast<std::size_t>(length))};
}

inline void sendFrame(test_support::PeerSocket& peer, protocol::websocket::Opcode opcode,
                      const std::string& payload)
{
    peer.send(protocol::websocket::encodeFrame(opcode, payload, true,
                                               std::array<std::uint8_t, 4>{0x12, 0x34, 0x56, 0x78}));
}

inline void sendVisitor(test_support::PeerSocket& peer, const visitor::ClientMessage& message)
{
    sendFrame(peer, protocol::websocket::Opcode::kText, visitor::encodeClient(message));
}

/// The next visitor message of type T (text frames only; others are skipped).
template <typename T>
T awaitVisitor(test_support::PeerSocket& peer)
{
    std::string seen;
    for (;;) {
        const ServerFrame frame = readFrame(peer);
        if (frame.opcode != protocol::websocket::Opcode::kText) {
            seen += "(control frame)\n";
            continue;
        }
        visitor::ServerMessage message = visitor::decodeServer(frame.payload);
        if (auto* wanted = std::get_if<T>(&message))
            return *wanted;
        seen += frame.payload + "\n";
        if (seen.size() > 100'000)
            throw std::runtime_error("no such visitor message; seen: " + seen);
    }
}

} // namespace ringdesk::front_end_tests
