// Handlers of the visitor WebSocket's messages (docs/visitor-api.md).
#include "server/core/core.h"

#include "protocol/chat_state.h"
#include "protocol/protocol_error.h"
#include "server/core/visitor_token.h"

namespace ringdesk::core {

namespace code = protocol::error_code;

void Core::visitorConnected(ConnectionId connection, const std::string& address)
{
    if (const std::int64_t wait = visitorConnectionsPerAddress_.take(address, steadyMs()); wait > 0) {
        sendVisitorError(connection, code::kRateLimited,
                         "too many new connections from your address; " + retryInText(wait));
        sink_.close(connection, "visitor connection rate limit");
        return;
    }
    VisitorSession session;
    session.address = address;
    session.connectedAt = clock_.epochMs();
    visitors_.emplace(connection, std::move(session));
}

void Core::visitorMessage(ConnectionId connection, const visitor::ClientMessage& message)
{
    const auto found = visitors_.find(connection);
    if (found == visitors_.end())
        return;
    VisitorSession& session = found->second;
    if (const auto* hello = std::get_if<visitor::Hello>(&message))
        return onHello(connection, session, *hello);
    if (session.visitorId.empty())
        return sendVisitorError(connection, code::kHelloFirst, "send hello first");
    if (const auto* msg = std::get_if<visitor::SendMsg>(&message))
        return onVisitorMsg(connection, session, *msg);
    if (const auto* state = std::get_if<visitor::SendChatState>(&message))
        return onVisitorChatState(session, *state);
    if (const auto* form = std::get_if<visitor::LeaveMessage>(&message))
        return onLeaveMessage(connection, session, *form);
    if (std::holds_alternative<visitor::Close>(message))
        return onVisitorClose(session);
}

void Core::onHello(ConnectionId connection, VisitorSession& session, const visitor::Hello& hello)
{
    if (!session.visitorId.empty())
        return sendVisitorError(connection, code::kBadState, "hello was already sent");

    std::string token = hello.token;
    std::optional<VisitorRecord> known;
    if (!token.empty())
        known = store_.findVisitorByTokenHash(hashVisitorToken(token));
    if (!known) {
        token = newVisitorToken();
        known = VisitorRecord{newVisitorId(), hello.name};
        store_.createVisitor(*known, hashVisitorToken(token), session.address, clock_.epochMs());
    }
    session.visitorId = known->id;
    session.name = hello.name.empty() ? known->name : hello.name;
    session.page = hello.page;

    if (checkVisitorBan(session)) {
        sink_.sendToVisitor(connection,
                            visitor::Welcome{token, session.visitorId, 0, visitor::state::kUnavailable, {}});
        onVisitorClose(session); // a conversation still open from before the ban ends
        return;
    }

    visitor::Welcome welcome{token, session.visitorId, 0, visitor::state::kIdle, {}};
    std::int64_t conversationId = 0;
    if (LiveConversation* live = [&]() -> LiveConversation* {
            const auto byVisitor = liveByVisitor_.find(session.visitorId);
            return byVisitor == liveByVisitor_.end() ? nullptr : findLive(byVisitor->second);
        }()) {
        live->visitorConnections.insert(connection);
        const visitor::StateChange state = visitorStateOf(*live);
        welcome.conversation = conversationId = live->record.id;
        welcome.state = state.state;
        welcome.operatorName = state.operatorName;
        if (live->operatorConnection && live->visitorConnections.size() == 1)
            sink_.sendToOperator(*live->operatorConnection,
                                 nlchat::ChatState{operators_.at(*live->operatorConnection).uuid,
                                                   nlchat::Direction::In, protocol::chat_state::kActive,
                                                   live->record.id});
    } else if (const auto latest = store_.latestConversation(session.visitorId)) {
        welcome.conversation = conversationId = latest->id;
        welcome.state = latest->state == ConversationState::Unanswered ? visitor::state::kNoAnswer
                                                                       : visitor::state::kEnded;
    }
    sink_.sendToVisitor(connection, welcome);

    if (conversationId != 0)
        for (const TranscriptLine& m : store_.messages(conversationId, hello.since))
            sink_.sendToVisitor(connection,
                                visitor::ChatMessage{m.seq, m.fromOperator, m.text, m.ts, m.operatorName});
}

void Core::onVisitorMsg(ConnectionId connection, VisitorSession& session, const visitor::SendMsg& msg)
{
    const auto byVisitor = liveByVisitor_.find(session.visitorId);
    LiveConversation* conversation =
        byVisitor == liveByVisitor_.end() ? nullptr : findLive(byVisitor->second);
    const bool fresh = conversation == nullptr;
    // A refused visitor is checked again (a temporary ban ends by itself), and so is every new
    // conversation: a ban may have been recorded while the server could not be told.
    if ((session.banned || fresh) && checkVisitorBan(session))
        return sendVisitorError(connection, code::kUnavailable, "chat is not available");
    if (fresh) {
        if (const std::int64_t wait = conversationsPerAddress_.take(session.address, steadyMs()); wait > 0)
            return sendVisitorError(connection, code::kRateLimited,
                                    "too many new conversations from your address; " + retryInText(wait));
        conversation = &openConversation(session);
    }

    const TranscriptLine stored = appendMessage(*conversation, false, msg.text);
    deliverToVisitors(*conversation,
                      visitor::ChatMessage{stored.seq, false, stored.text, stored.ts, {}});
    if (fresh)
        startRing(*conversation); // may end it at once when no operator is available
    else
        deliverToOperator(*conversation, stored);
}

void Core::onVisitorChatState(VisitorSession& session, const visitor::SendChatState& state)
{
    const auto byVisitor = liveByVisitor_.find(session.visitorId);
    if (byVisitor == liveByVisitor_.end())
        return;
    LiveConversation* conversation = findLive(byVisitor->second);
    if (conversation == nullptr || !conversation->operatorConnection)
        return;
    const ConnectionId op = *conversation->operatorConnection;
    sink_.sendToOperator(op, nlchat::ChatState{operators_.at(op).uuid, nlchat::Direction::In, state.state,
                                               conversation->record.id});
}

void Core::onLeaveMessage(ConnectionId connection, VisitorSession& session,
                          const visitor::LeaveMessage& form)
{
    if (session.banned && checkVisitorBan(session))
        return sendVisitorError(connection, code::kUnavailable, "chat is not available");
    const auto latest = store_.latestConversation(session.visitorId);
    store_.storeLeftMessage(latest ? latest->id : 0, session.visitorId, form.name, form.email,
                            form.text, clock_.epochMs());
    sink_.sendToVisitor(connection, visitor::LeftMessage{true});
}

void Core::onVisitorClose(VisitorSession& session)
{
    const auto byVisitor = liveByVisitor_.find(session.visitorId);
    if (byVisitor == liveByVisitor_.end())
        return;
    LiveConversation* conversation = findLive(byVisitor->second);
    if (conversation == nullptr)
        return;
    if (conversation->record.state == ConversationState::Ringing) {
        // The ring is withdrawn: rung operators learn that nobody will get it.
        const nlchat::RingAckAck withdrawn{"", conversation->record.id, "", false};
        for (ConnectionId connection : conversation->rung)
            if (operators_.count(connection) != 0)
                sink_.sendToOperator(connection, withdrawn);
    }
    const std::optional<ConnectionId> op = conversation->operatorConnection;
    endConversation(conversation->record.id, ConversationState::Ended, visitor::state::kEnded);
    if (op)
        offerOpenRings(*op);
}

void Core::visitorClosed(ConnectionId connection)
{
    const auto found = visitors_.find(connection);
    if (found == visitors_.end())
        return;
    const std::string visitorId = found->second.visitorId;
    visitors_.erase(found);
    const auto byVisitor = liveByVisitor_.find(visitorId);
    if (byVisitor == liveByVisitor_.end())
        return;
    LiveConversation* conversation = findLive(byVisitor->second);
    if (conversation == nullptr)
        return;
    conversation->visitorConnections.erase(connection);
    // The conversation stays open: the visitor may come back with its token.
    if (conversation->visitorConnections.empty() && conversation->operatorConnection) {
        const ConnectionId op = *conversation->operatorConnection;
        sink_.sendToOperator(op, nlchat::ChatState{operators_.at(op).uuid, nlchat::Direction::In,
                                                   protocol::chat_state::kGone, conversation->record.id});
    }
}

void Core::sendVisitorError(ConnectionId connection, const char* errorCode, const std::string& message)
{
    sink_.sendToVisitor(connection, visitor::ErrorReply{errorCode, message});
}

} // namespace ringdesk::core
