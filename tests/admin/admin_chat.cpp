#include "admin_chat.h"

#include "support/waits.h"

namespace ringdesk::admin_tests {

using integration::awaitMessage;
using integration::awaitPacket;

std::int64_t acceptChat(operator_client::NlchatClient& op, integration::VisitorClient& visitor,
                        const std::string& first)
{
    visitor.send(visitor::SendMsg{first});
    const std::int64_t id =
        awaitPacket<nlchat::Ring>(op, [&](const nlchat::Ring& ring) { return ring.text == first; }).id;
    op.send(nlchat::RingAck{op.uuid(), id});
    awaitMessage<visitor::StateChange>(visitor, [&](const visitor::StateChange& s) {
        return s.state == visitor::state::kConnected && s.conversation == id;
    });
    awaitPacket<nlchat::Msg>(op, [&](const nlchat::Msg& m) { return m.id == id && m.msg.at(0) == first; });
    return id;
}

void operatorSays(operator_client::NlchatClient& op, integration::VisitorClient& visitor, std::int64_t id,
                  const std::string& text)
{
    op.send(nlchat::Msg{{text}, nlchat::Direction::Out, op.uuid(), id, 0, 0});
    awaitMessage<visitor::ChatMessage>(
        visitor, [&](const visitor::ChatMessage& m) { return m.fromOperator && m.text == text; });
}

void visitorSays(integration::VisitorClient& visitor, operator_client::NlchatClient& op, const std::string& text)
{
    visitor.send(visitor::SendMsg{text});
    awaitPacket<nlchat::Msg>(op, [&](const nlchat::Msg& m) { return !m.msg.empty() && m.msg.at(0) == text; });
}

} // namespace ringdesk::admin_tests
