#pragma once
// A ConnectionSink that records, per connection and in order, every packet the core sends, and
// which connections it closed, so a test can assert on exactly what each peer saw.

#include "server/core/connection_sink.h"

#include <cstddef>
#include <map>
#include <stdexcept>
#include <string>
#include <variant>
#include <vector>

namespace ringdesk::core::testing {

/// The wire name of a visitor message ("welcome", "state", "msg", "chat_state",
/// "left_message", "error"), as docs/visitor-api.md spells it.
const char* visitorKind(const visitor::ServerMessage& message);

class RecordingSink final : public ConnectionSink
{
public:
    void sendToOperator(ConnectionId connection, const nlchat::Packet& packet) override;
    void sendToVisitor(ConnectionId connection, const visitor::ServerMessage& message) override;
    void close(ConnectionId connection, const std::string& reason) override;

    /// Everything sent to `connection`, oldest first; empty when nothing was.
    const std::vector<nlchat::Packet>& operatorPackets(ConnectionId connection) const;
    const std::vector<visitor::ServerMessage>& visitorMessages(ConnectionId connection) const;

    /// Command names sent to an operator connection, in order (for ordering assertions).
    std::vector<std::string> operatorCommands(ConnectionId connection) const;
    /// Wire names of the messages sent to a visitor connection, in order.
    std::vector<std::string> visitorKinds(ConnectionId connection) const;
    /// The `state` of every StateChange sent to a visitor connection, in order.
    std::vector<std::string> visitorStates(ConnectionId connection) const;

    /// The packets of type T sent to an operator connection, in order.
    template <typename T>
    std::vector<T> toOperator(ConnectionId connection) const
    {
        return only<T>(operatorPackets(connection));
    }
    template <typename T>
    std::vector<T> toVisitor(ConnectionId connection) const
    {
        return only<T>(visitorMessages(connection));
    }
    template <typename T>
    std::size_t countToOperator(ConnectionId connection) const
    {
        return toOperator<T>(connection).size();
    }
    template <typename T>
    std::size_t countToVisitor(ConnectionId connection) const
    {
        return toVisitor<T>(connection).size();
    }
    /// The newest packet of type T sent to the connection. Throws std::logic_error (reported
    /// by CppUnit with the message) when there is none.
    template <typename T>
    T lastToOperator(ConnectionId connection) const
    {
        const std::vector<T> found = toOperator<T>(connection);
        if (found.empty())
            throw std::logic_error(std::string("no '") + nlchat::commandName(nlchat::Packet{T{}}) +
                                   "' was sent to operator connection " + std::to_string(connection));
        return found.back();
    }
    template <typename T>
    T lastToVisitor(ConnectionId connection) const
    {
        const std::vector<T> found = toVisitor<T>(connection);
        if (found.empty())
            throw std::logic_error(std::string("no '") + visitorKind(visitor::ServerMessage{T{}}) +
                                   "' was sent to visitor connection " + std::to_string(connection));
        return found.back();
    }

    bool isClosed(ConnectionId connection) const { return closed_.count(connection) != 0; }
    /// Every connection the core closed, with its reason.
    const std::map<ConnectionId, std::string>& closedConnections() const { return closed_; }

    /// Forgets every packet recorded so far (closed connections are kept), so a test can look
    /// at what one step sent.
    void clearPackets();

private:
    template <typename T, typename Variant>
    static std::vector<T> only(const std::vector<Variant>& all)
    {
        std::vector<T> found;
        for (const Variant& item : all)
            if (const T* match = std::get_if<T>(&item))
                found.push_back(*match);
        return found;
    }

    std::map<ConnectionId, std::vector<nlchat::Packet>> operators_;
    std::map<ConnectionId, std::vector<visitor::ServerMessage>> visitors_;
    std::map<ConnectionId, std::string> closed_;
};

} // namespace ringdesk::core::testing
