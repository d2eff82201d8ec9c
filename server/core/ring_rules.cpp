// Who is rung, who wins, and what happens when nobody answers (specs/nlchat-protocol.txt 2.2;
// specs/README.md for the original's ring `time` and timeout).
#include "server/core/core.h"

namespace ringdesk::core {

bool Core::ringable(const OperatorSession& session) const
{
    const bool authenticated =
        session.identity.has_value() || (settings_.allowAnonymousOperators && !session.uuid.empty());
    return authenticated && session.status == status_code::kOnline &&
           session.chats.size() < settings_.maxChatsPerOperator;
}

std::size_t Core::ringOperators(LiveConversation& conversation)
{
    const std::string firstText =
        conversation.transcript.empty() ? std::string() : conversation.transcript.front().text;
    const nlchat::Ring ring{conversation.record.id,         "",
                            ringTimeField(conversation),                conversation.record.visitorId,
                            conversation.record.visitorName, conversation.record.page,
                            firstText};
    std::size_t count = 0;
    for (const auto& [connection, session] : operators_) {
        if (!ringable(session) || conversation.rung.count(connection) != 0)
            continue;
        conversation.rung.insert(connection);
        sink_.sendToOperator(connection, ring);
        ++count;
    }
    return count;
}

void Core::offerOpenRings(ConnectionId connection)
{
    const auto found = operators_.find(connection);
    if (found == operators_.end() || !ringable(found->second))
        return;
    for (auto& [id, conversation] : conversations_) {
        if (conversation.record.state != ConversationState::Ringing ||
            conversation.rung.count(connection) != 0)
            continue;
        conversation.rung.insert(connection);
        const std::string firstText =
            conversation.transcript.empty() ? std::string() : conversation.transcript.front().text;
        sink_.sendToOperator(connection,
                             nlchat::Ring{id, "", ringTimeField(conversation), conversation.record.visitorId,
                                          conversation.record.visitorName, conversation.record.page, firstText});
    }
}

void Core::startRing(LiveConversation& conversation)
{
    conversation.rung.clear();
    conversation.operatorConnection.reset();
    conversation.record.operatorUsername.clear();
    conversation.record.operatorDisplayName.clear();
    conversation.deadline = clock_.now() + settings_.ringTimeout;
    setState(conversation, ConversationState::Ringing);
    if (ringOperators(conversation) == 0) {
        // Nobody can be rung at all: the visitor is told at once (PRODUCT.md, step 6).
        endConversation(conversation.record.id, ConversationState::Unanswered,
                        visitor::state::kNoOperator);
        return;
    }
    deliverToVisitors(conversation, visitorStateOf(conversation));
}

void Core::associate(LiveConversation& conversation, ConnectionId winner)
{
    OperatorSession& session = operators_.at(winner);
    conversation.operatorConnection = winner;
    conversation.record.operatorUsername = session.identity ? session.identity->username : session.uuid;
    conversation.record.operatorDisplayName =
        session.identity ? session.identity->displayName : session.uuid;
    session.chats.insert(conversation.record.id);
    setState(conversation, ConversationState::Connected);

    // 1.1.3: every operator learns who won, so the others stop ringing.
    const nlchat::RingAckAck won{session.uuid, conversation.record.id,
                                 conversation.record.operatorDisplayName, false};
    for (const auto& [connection, other] : operators_)
        if (conversation.rung.count(connection) != 0 || connection == winner)
            sink_.sendToOperator(connection, won);
    conversation.rung.clear();

    // The visitor's messages so far reach the winner right after the association.
    conversation.sentToOperator = conversation.confirmed = conversation.probeMark = 0;
    for (const TranscriptLine& message : conversation.transcript)
        deliverToOperator(conversation, message);
    deliverToVisitors(conversation, visitorStateOf(conversation));
}

void Core::ringTimedOut(LiveConversation& conversation)
{
    const nlchat::RingAckAck nobody{"", conversation.record.id, "", false};
    for (ConnectionId connection : conversation.rung)
        if (operators_.count(connection) != 0)
            sink_.sendToOperator(connection, nobody);
    endConversation(conversation.record.id, ConversationState::Unanswered, visitor::state::kNoAnswer);
}

} // namespace ringdesk::core
