#include "server/core/core.h"

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

Core::Core(CoreSettings settings, const Clock& clock, CoreOutput& output, ConversationStore& store)
    : settings_(settings), clock_(clock), output_(output), store_(store)
{
}

void Core::tick()
{
    const TimePoint now = clock_.now();
    tickOperators(now);
    tickConversations(now);
}

std::vector<OperatorSessionInfo> Core::operatorSessions() const
{
    std::vector<OperatorSessionInfo> rows;
    for (const auto& [connection, session] : operators_)
        rows.push_back({connection, session.uuid,
                        session.identity ? session.identity->username : std::string(),
                        session.status, session.chats.size()});
    return rows;
}

std::vector<ConversationInfo> Core::liveConversations() const
{
    std::vector<ConversationInfo> rows;
    for (const auto& [id, conversation] : conversations_)
        rows.push_back({id, conversation.record.visitorId, conversation.record.state,
                        conversation.record.operatorUsername, conversation.rung.size()});
    return rows;
}

std::int64_t Core::ringTimeField() const
{
    return (clock_.epochMs() + settings_.ringOffer.count()) / 1000;
}

} // namespace ringdesk::core
