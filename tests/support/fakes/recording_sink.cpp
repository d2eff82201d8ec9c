#include "support/fakes/recording_sink.h"

namespace ringdesk::core::testing {

const char* visitorKind(const visitor::ServerMessage& message)
{
    static constexpr const char* names[] = {"welcome", "state", "msg", "chat_state", "left_message", "error"};
    static_assert(std::size(names) == std::variant_size_v<visitor::ServerMessage>);
    return names[message.index()];
}

void RecordingSink::sendToOperator(ConnectionId connection, const nlchat::Packet& packet)
{
    operators_[connection].push_back(packet);
}

void RecordingSink::sendToVisitor(ConnectionId connection, const visitor::ServerMessage& message)
{
    visitors_[connection].push_back(message);
}

void RecordingSink::close(ConnectionId connection, const std::string& reason) { closed_[connection] = reason; }

const std::vector<nlchat::Packet>& RecordingSink::operatorPackets(ConnectionId connection) const
{
    static const std::vector<nlchat::Packet> none;
    const auto found = operators_.find(connection);
    return found == operators_.end() ? none : found->second;
}

const std::vector<visitor::ServerMessage>& RecordingSink::visitorMessages(ConnectionId connection) const
{
    static const std::vector<visitor::ServerMessage> none;
    const auto found = visitors_.find(connection);
    return found == visitors_.end() ? none : found->second;
}

std::vector<std::string> RecordingSink::operatorCommands(ConnectionId connection) const
{
    std::vector<std::string> names;
    for (const nlchat::Packet& packet : operatorPackets(connection))
        names.emplace_back(nlchat::commandName(packet));
    return names;
}

std::vector<std::string> RecordingSink::visitorKinds(ConnectionId connection) const
{
    std::vector<std::string> names;
    for (const visitor::ServerMessage& message : visitorMessages(connection))
        names.emplace_back(visitorKind(message));
    return names;
}

std::vector<std::string> RecordingSink::visitorStates(ConnectionId connection) const
{
    std::vector<std::string> states;
    for (const visitor::StateChange& change : toVisitor<visitor::StateChange>(connection))
        states.push_back(change.state);
    return states;
}

void RecordingSink::clearPackets()
{
    operators_.clear();
    visitors_.clear();
}

} // namespace ringdesk::core::testing
