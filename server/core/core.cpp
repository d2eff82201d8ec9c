#include "server/core/core.h"

#include "server/core/im_session_manager.h"

#include <stdexcept>

namespace ringdesk::core {

const char* toString(ConversationState state)
{
    switch (state) {
    case ConversationState::Ringing: return "ringing";
    case ConversationState::Connected: return "connected";
    case ConversationState::Waiting: return "waiting";
    case ConversationState::Ended: return "ended";
    case ConversationState::Unanswered: return "unanswered";
    }
    return "ended";
}

ConversationState conversationStateFromString(const std::string& text)
{
    for (ConversationState s : {ConversationState::Ringing, ConversationState::Connected,
                                ConversationState::Waiting, ConversationState::Ended,
                                ConversationState::Unanswered})
        if (text == toString(s))
            return s;
    throw std::invalid_argument("unknown conversation state '" + text + "'");
}

Core::Core(CoreSettings settings, const Clock& clock, ConnectionSink& sink, ConversationStore& store)
    : settings_(settings), clock_(clock), sink_(sink), store_(store),
      visitorConnectionsPerAddress_(settings.visitorConnectionsPerAddress, settings.maxTrackedAddresses),
      conversationsPerAddress_(settings.conversationsPerAddress, settings.maxTrackedAddresses)
{
}

std::int64_t Core::steadyMs() const
{
    return std::chrono::duration_cast<Duration>(clock_.now().time_since_epoch()).count();
}

void Core::tick()
{
    const TimePoint now = clock_.now();
    tickOperators(now);
    tickConversations(now);
    if (im_ != nullptr)
        im_->tick();
}

void Core::attachIm(ImSessionManager& im)
{
    im_ = &im;
    im.setUserBanCheck(userBans_);
    im.setOperatorStatusHook(
        [this](ConnectionId connection, int status) { operatorStatusChanged(connection, status); });
}

void Core::attachUserBans(UserBanCheck& bans)
{
    userBans_ = &bans;
    if (im_ != nullptr)
        im_->setUserBanCheck(&bans);
}

ImSessionManager& Core::im()
{
    if (im_ == nullptr)
        throw std::logic_error("no IM unit is attached to the core");
    return *im_;
}

const ImSessionManager& Core::im() const
{
    if (im_ == nullptr)
        throw std::logic_error("no IM unit is attached to the core");
    return *im_;
}

void Core::updateSettings(const CoreSettings& settings)
{
    const bool allowAnonymous = settings_.allowAnonymousOperators;
    settings_ = settings;
    settings_.allowAnonymousOperators = allowAnonymous;
    visitorConnectionsPerAddress_.setLimit(settings_.visitorConnectionsPerAddress, steadyMs());
    conversationsPerAddress_.setLimit(settings_.conversationsPerAddress, steadyMs());
}

std::size_t Core::forceLogout(const std::string& username, const std::string& reason)
{
    std::vector<ConnectionId> sessions;
    for (auto& [connection, session] : operators_)
        if (session.identity && session.identity->username == username) {
            sessions.push_back(connection);
            // Not rung any more: the chats freed below must not come back to another session
            // of the same user that is about to be closed too.
            session.status = status_code::kOffline;
        }
    for (ConnectionId connection : sessions) {
        sink_.sendToOperator(connection, nlchat::Logout{reason});
        dropOperator(connection, false);
        sink_.close(connection, reason);
    }
    const std::size_t imsSessions = im_ != nullptr ? im_->forceLogoutIms(username, reason) : 0;
    return sessions.size() + imsSessions;
}

std::vector<OperatorSessionInfo> Core::operatorSessions() const
{
    std::vector<OperatorSessionInfo> rows;
    for (const auto& [connection, session] : operators_)
        rows.push_back({connection, session.uuid,
                        session.identity ? session.identity->username : std::string(),
                        session.status, session.chats.size(), session.address,
                        session.connectedAt});
    return rows;
}

std::vector<VisitorSessionInfo> Core::visitorSessions() const
{
    std::vector<VisitorSessionInfo> rows;
    for (const auto& [connection, session] : visitors_) {
        const auto live = liveByVisitor_.find(session.visitorId);
        rows.push_back({connection, session.visitorId, session.name, session.address, session.connectedAt,
                        live == liveByVisitor_.end() ? 0 : live->second, session.banned});
    }
    return rows;
}

std::vector<ConversationInfo> Core::liveConversations() const
{
    std::vector<ConversationInfo> rows;
    for (const auto& [id, conversation] : conversations_) {
        std::string address;
        for (ConnectionId connection : conversation.visitorConnections)
            if (const auto visitor = visitors_.find(connection); visitor != visitors_.end()) {
                address = visitor->second.address;
                break;
            }
        rows.push_back({id, conversation.record.visitorId, conversation.record.state,
                        conversation.record.operatorUsername, conversation.rung.size(),
                        conversation.record.visitorName, conversation.record.page, address,
                        conversation.stateSince});
    }
    return rows;
}

std::int64_t Core::ringTimeField(const LiveConversation& conversation) const
{
    const auto left = std::chrono::duration_cast<Duration>(conversation.deadline - clock_.now());
    return (clock_.epochMs() + (left - settings_.ringTimeout + settings_.ringOffer).count()) / 1000;
}

} // namespace ringdesk::core
