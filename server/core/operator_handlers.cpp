// Handlers of the operator protocol's commands (specs/nlchat-protocol.txt, 1.1 and 2.x).
#include "server/core/core.h"

#include "protocol/protocol_error.h"
#include "server/core/im_session_manager.h"

namespace ringdesk::core {

namespace code = protocol::error_code;

void Core::operatorConnected(ConnectionId connection, const std::string& address)
{
    OperatorSession session;
    session.connected = session.lastHeard = clock_.now();
    session.address = address;
    session.connectedAt = clock_.epochMs();
    operators_.emplace(connection, std::move(session));
    sink_.sendToOperator(connection, nlchat::ServerOnline{});
}

void Core::operatorPacket(ConnectionId connection, const nlchat::Packet& packet)
{
    const auto found = operators_.find(connection);
    if (found == operators_.end())
        return; // already dropped; the front-end closes it
    OperatorSession& session = found->second;
    // Any command proves the operator is alive (spec 2.4 resets the timer).
    session.lastHeard = clock_.now();
    session.probeSentAt.reset();

    if (const auto* key = std::get_if<nlchat::Key>(&packet))
        return onKey(connection, session, *key);
    if (std::holds_alternative<nlchat::ProbeAck>(packet))
        return onProbeAck(session);
    if (std::holds_alternative<nlchat::Disconnect>(packet))
        return onDisconnect(connection);
    if (!session.identity && !settings_.allowAnonymousOperators)
        return sendError(connection, code::kNotLoggedIn, "log in first", nlchat::commandName(packet));

    if (const auto* ack = std::get_if<nlchat::RingAck>(&packet))
        return onRingAck(connection, session, *ack);
    if (const auto* msg = std::get_if<nlchat::Msg>(&packet))
        return onOperatorMsg(connection, session, *msg);
    if (const auto* state = std::get_if<nlchat::ChatState>(&packet))
        return onOperatorChatState(connection, session, *state);
    if (const auto* end = std::get_if<nlchat::Disassociate>(&packet))
        return onDisassociate(connection, session, *end);
    if (im_ != nullptr && session.identity && im_->operatorPacket(connection, packet))
        return;
    sendError(connection, code::kUnknownType,
              std::string("'") + nlchat::commandName(packet) + "' is not sent by clients",
              nlchat::commandName(packet));
}

void Core::onKey(ConnectionId connection, OperatorSession& session, const nlchat::Key& packet)
{
    // 2.1: key adds the client to the pool; it may be repeated (2.4, server back online).
    session.uuid = packet.uuid;
    sink_.sendToOperator(connection, nlchat::Status{{{nlchat::service::kOperator, nlchat::service::kOnline},
                                                     {nlchat::service::kVisitor, nlchat::service::kOnline}}});
    if (settings_.allowAnonymousOperators && !session.identity)
        offerOpenRings(connection);
}

void Core::operatorLoggedIn(ConnectionId connection, const OperatorIdentity& identity)
{
    const auto found = operators_.find(connection);
    if (found == operators_.end())
        return;
    if (userBans_ != nullptr && userBans_->isBanned(identity.username, clock_.epochMs()))
        return operatorLoginRefused(connection, nlchat::LoginResult::kBanned); // banned meanwhile
    OperatorSession& session = found->second;
    session.identity = identity;
    session.lastHeard = clock_.now();
    sink_.sendToOperator(
        connection,
        nlchat::Login{identity.username, {}, static_cast<int>(nlchat::LoginResult::kOk), identity.displayName});
    resumeConversations(connection, session);
    // The IM unit may set the user's status (e.g. Away from an IMS session) before rings go out.
    if (im_ != nullptr)
        im_->operatorLoggedIn(connection, identity.username);
    offerOpenRings(connection);
}

void Core::operatorLoginRefused(ConnectionId connection, nlchat::LoginResult result)
{
    if (operators_.count(connection) == 0)
        return;
    sink_.sendToOperator(connection, nlchat::Login{{}, {}, static_cast<int>(result), {}});
}

void Core::operatorStatusChanged(ConnectionId connection, int statusCode)
{
    const auto found = operators_.find(connection);
    if (found == operators_.end())
        return;
    found->second.status = statusCode;
    offerOpenRings(connection);
}

void Core::onRingAck(ConnectionId connection, OperatorSession& session, const nlchat::RingAck& packet)
{
    LiveConversation* conversation = findLive(packet.id);
    if (conversation == nullptr) {
        sendError(connection, code::kNoSuchChat,
                  "ring " + std::to_string(packet.id) + " is not open", nlchat::command::kRingAck);
        return;
    }
    if (conversation->record.state != ConversationState::Ringing) {
        // Lost the race: repeat who won, to this operator only (2.2).
        const auto winner = conversation->operatorConnection
                                ? operators_.find(*conversation->operatorConnection)
                                : operators_.end();
        sink_.sendToOperator(connection,
                             nlchat::RingAckAck{winner != operators_.end() ? winner->second.uuid : std::string(),
                                                packet.id, conversation->record.operatorDisplayName, false});
        return;
    }
    if (session.chats.size() >= settings_.maxChatsPerOperator) {
        sendError(connection, code::kBadState, "too many open chats", nlchat::command::kRingAck);
        return;
    }
    associate(*conversation, connection);
}

void Core::onOperatorMsg(ConnectionId connection, OperatorSession& session, const nlchat::Msg& packet)
{
    LiveConversation* conversation = operatorChat(connection, session, packet.id, nlchat::command::kMsg);
    if (conversation == nullptr)
        return;
    for (const std::string& body : packet.msg) {
        if (body.empty())
            continue;
        const TranscriptLine stored = appendMessage(*conversation, true, body);
        deliverToVisitors(*conversation,
                          visitor::ChatMessage{stored.seq, true, stored.text, stored.ts,
                                               stored.operatorName});
    }
}

void Core::onOperatorChatState(ConnectionId connection, OperatorSession& session,
                               const nlchat::ChatState& packet)
{
    LiveConversation* conversation =
        operatorChat(connection, session, packet.id, nlchat::command::kChatState);
    if (conversation != nullptr)
        deliverToVisitors(*conversation, visitor::OperatorChatState{packet.state});
}

void Core::onProbeAck(OperatorSession& session)
{
    // Everything written before the acknowledged probe has been read by the operator.
    for (std::int64_t id : session.chats)
        if (LiveConversation* conversation = findLive(id))
            conversation->confirmed = std::max(conversation->confirmed, conversation->probeMark);
}

void Core::onDisassociate(ConnectionId connection, OperatorSession& session,
                          const nlchat::Disassociate& packet)
{
    LiveConversation* conversation =
        operatorChat(connection, session, packet.id, nlchat::command::kDisassociate);
    if (conversation == nullptr)
        return;
    endConversation(conversation->record.id, ConversationState::Ended, visitor::state::kEnded);
    offerOpenRings(connection);
}

void Core::onDisconnect(ConnectionId connection)
{
    // 2.7: a deliberate exit; its chats go back to the queue at once.
    dropOperator(connection, false);
    sink_.close(connection, "disconnect");
}

void Core::operatorClosed(ConnectionId connection)
{
    if (operators_.count(connection) != 0)
        dropOperator(connection, true);
}

Core::LiveConversation* Core::operatorChat(ConnectionId connection, OperatorSession& session,
                                           std::int64_t id, const char* ref)
{
    if (id == 0) {
        if (session.chats.size() == 1)
            id = *session.chats.begin();
        else {
            sendError(connection, code::kMissingField,
                      session.chats.empty() ? "no open chat" : "several chats are open: give 'ID'",
                      ref);
            return nullptr;
        }
    }
    if (session.chats.count(id) == 0) {
        sendError(connection, code::kNoSuchChat,
                  "chat " + std::to_string(id) + " is not yours or not open", ref);
        return nullptr;
    }
    return findLive(id);
}

void Core::sendError(ConnectionId connection, const char* errorCode, const std::string& message,
                     const char* ref)
{
    sink_.sendToOperator(connection, nlchat::Error{errorCode, message, ref});
}

} // namespace ringdesk::core
