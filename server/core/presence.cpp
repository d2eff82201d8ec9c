// Presence (specs/nlchat-protocol.txt 2.4): probes, drops, the grace period of a dropped
// operator's conversations, and their return to the queue.
#include "server/core/core.h"

#include "protocol/protocol_error.h"
#include "server/core/im_session_manager.h"

#include <string>
#include <vector>

namespace ringdesk::core {

void Core::tickOperators(TimePoint now)
{
    std::vector<ConnectionId> silent;
    std::vector<ConnectionId> late; // not logged in by the login deadline
    for (auto& [connection, session] : operators_) {
        const bool admitted = session.identity || (settings_.allowAnonymousOperators && !session.uuid.empty());
        if (!admitted && now - session.connected >= settings_.loginTimeout) {
            late.push_back(connection);
            continue;
        }
        if (session.probeSentAt) {
            if (now - *session.probeSentAt >= settings_.dropAfter)
                silent.push_back(connection);
            continue;
        }
        if (now - session.lastHeard < settings_.probeAfter)
            continue;
        session.probeSentAt = now;
        for (std::int64_t id : session.chats)
            if (LiveConversation* conversation = findLive(id))
                conversation->probeMark = conversation->sentToOperator;
        sink_.sendToOperator(connection, nlchat::Probe{session.uuid});
    }
    for (ConnectionId connection : silent) {
        dropOperator(connection, true);
        sink_.close(connection, "no probeACK");
    }
    for (ConnectionId connection : late) {
        sendError(connection, protocol::error_code::kNotLoggedIn,
                  "no login within " + std::to_string(settings_.loginTimeout.count() / 1000) + " s", "login");
        dropOperator(connection, false);
        sink_.close(connection, "no login within the login timeout");
    }
}

void Core::tickConversations(TimePoint now)
{
    std::vector<std::int64_t> due;
    for (const auto& [id, conversation] : conversations_)
        if ((conversation.record.state == ConversationState::Ringing ||
             conversation.record.state == ConversationState::Waiting) &&
            now >= conversation.deadline)
            due.push_back(id);
    for (std::int64_t id : due) {
        LiveConversation* conversation = findLive(id);
        if (conversation == nullptr)
            continue;
        if (conversation->record.state == ConversationState::Ringing)
            ringTimedOut(*conversation);
        else
            startRing(*conversation);
    }
}

void Core::dropOperator(ConnectionId connection, bool waitForReturn)
{
    const auto found = operators_.find(connection);
    if (found == operators_.end())
        return;
    const std::set<std::int64_t> chats = found->second.chats;
    const std::string username = found->second.identity ? found->second.identity->username : "";
    operators_.erase(found);
    if (im_ != nullptr)
        im_->operatorClosed(connection);

    for (auto& [id, conversation] : conversations_)
        conversation.rung.erase(connection);
    for (std::int64_t id : chats) {
        LiveConversation* conversation = findLive(id);
        if (conversation == nullptr)
            continue;
        conversation->operatorConnection.reset();
        if (waitForReturn) {
            conversation->deadline = clock_.now() + settings_.grace;
            setState(*conversation, ConversationState::Waiting);
            deliverToVisitors(*conversation, visitorStateOf(*conversation));
        } else {
            startRing(*conversation);
        }
    }
    if (waitForReturn && !username.empty())
        for (auto& [other, session] : operators_)
            if (session.identity && session.identity->username == username) {
                resumeConversations(other, session);
                break;
            }
}

void Core::resumeConversations(ConnectionId connection, OperatorSession& session)
{
    for (auto& [id, conversation] : conversations_) {
        if (conversation.record.state != ConversationState::Waiting ||
            conversation.record.operatorUsername != session.identity->username)
            continue;
        conversation.operatorConnection = connection;
        conversation.record.operatorDisplayName = session.identity->displayName;
        session.chats.insert(id);
        setState(conversation, ConversationState::Connected);
        sink_.sendToOperator(connection,
                             nlchat::RingAckAck{session.uuid, id, conversation.record.operatorDisplayName, true});
        // Everything the operator may have missed; clients drop repeats by seq.
        for (const TranscriptLine& message : conversation.transcript)
            if (message.seq > conversation.confirmed)
                deliverToOperator(conversation, message);
        deliverToVisitors(conversation, visitorStateOf(conversation));
    }
}

void Core::restoreOpenConversations()
{
    for (ConversationRecord& record : store_.openConversations()) {
        LiveConversation& conversation = conversations_[record.id];
        conversation.record = record;
        conversation.transcript = store_.messages(record.id, 0);
        if (!conversation.transcript.empty())
            conversation.record.lastSeq = conversation.transcript.back().seq;
        conversation.deadline = clock_.now() + settings_.grace;
        liveByVisitor_[record.visitorId] = record.id;
        // Nobody is connected after a restart: every open chat waits for its operator,
        // and a ring that was open is rung again after the grace period.
        setState(conversation, ConversationState::Waiting);
    }
}

} // namespace ringdesk::core
