// Conversation lifecycle: opening, sequence numbers, transcript, delivery and ending.
#include "server/core/core.h"

namespace ringdesk::core {

Core::LiveConversation* Core::findLive(std::int64_t id)
{
    const auto found = conversations_.find(id);
    return found == conversations_.end() ? nullptr : &found->second;
}

Core::LiveConversation& Core::openConversation(VisitorSession& session)
{
    ConversationRecord record;
    record.visitorId = session.visitorId;
    record.visitorName = session.name;
    record.page = session.page;
    record.state = ConversationState::Ringing;
    record.id = store_.createConversation(record, clock_.epochMs());
    LiveConversation& conversation = conversations_[record.id];
    conversation.record = record;
    liveByVisitor_[session.visitorId] = record.id;
    for (const auto& [connection, other] : visitors_)
        if (other.visitorId == session.visitorId)
            conversation.visitorConnections.insert(connection);
    return conversation;
}

TranscriptLine Core::appendMessage(LiveConversation& conversation, bool fromOperator, const std::string& text)
{
    TranscriptLine message;
    message.seq = ++conversation.record.lastSeq;
    message.fromOperator = fromOperator;
    message.operatorName = fromOperator ? conversation.record.operatorDisplayName : std::string();
    message.text = text;
    message.ts = clock_.epochMs();
    // Stored before it is relayed: the batch's output leaves only after this write committed.
    if (settings_.storeTranscripts)
        store_.appendMessage(conversation.record.id, message);
    else
        store_.advanceConversation(conversation.record.id, message.seq, message.ts);
    conversation.transcript.push_back(message);
    return message;
}

void Core::deliverToOperator(LiveConversation& conversation, const TranscriptLine& message)
{
    if (!conversation.operatorConnection || message.fromOperator)
        return;
    const auto found = operators_.find(*conversation.operatorConnection);
    if (found == operators_.end())
        return;
    sink_.sendToOperator(found->first, nlchat::Msg{{message.text},
                                                   nlchat::Direction::In,
                                                   found->second.uuid,
                                                   conversation.record.id,
                                                   message.seq,
                                                   message.ts});
    conversation.sentToOperator = message.seq;
}

void Core::deliverToVisitors(const LiveConversation& conversation,
                             const visitor::ServerMessage& message)
{
    for (ConnectionId connection : conversation.visitorConnections)
        sink_.sendToVisitor(connection, message);
}

void Core::setState(LiveConversation& conversation, ConversationState state)
{
    conversation.record.state = state;
    conversation.stateSince = clock_.epochMs();
    store_.updateConversation(conversation.record, clock_.epochMs());
}

visitor::StateChange Core::visitorStateOf(const LiveConversation& conversation) const
{
    switch (conversation.record.state) {
    case ConversationState::Ringing:
        return {visitor::state::kRinging, conversation.record.id, {}};
    case ConversationState::Connected:
        return {visitor::state::kConnected, conversation.record.id,
                conversation.record.operatorDisplayName};
    case ConversationState::Waiting:
        return {visitor::state::kWaiting, conversation.record.id,
                conversation.record.operatorDisplayName};
    case ConversationState::Unanswered:
        return {visitor::state::kNoAnswer, conversation.record.id, {}};
    case ConversationState::Ended:
        break;
    }
    return {visitor::state::kEnded, conversation.record.id, {}};
}

void Core::endConversation(std::int64_t id, ConversationState finalState, const char* visitorState)
{
    const auto found = conversations_.find(id);
    if (found == conversations_.end())
        return;
    LiveConversation& conversation = found->second;
    setState(conversation, finalState);
    deliverToVisitors(conversation, visitor::StateChange{visitorState, id, {}});

    if (conversation.operatorConnection) {
        const auto op = operators_.find(*conversation.operatorConnection);
        if (op != operators_.end()) {
            op->second.chats.erase(id);
            // Extension: the operator learns that the chat is over (docs/protocol.md).
            sink_.sendToOperator(op->first, nlchat::Disassociate{op->second.uuid, id});
        }
    }
    const auto byVisitor = liveByVisitor_.find(conversation.record.visitorId);
    if (byVisitor != liveByVisitor_.end() && byVisitor->second == id)
        liveByVisitor_.erase(byVisitor);
    conversations_.erase(found);
}

} // namespace ringdesk::core
