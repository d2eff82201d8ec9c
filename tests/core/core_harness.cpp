#include "core_harness.h"

#include <algorithm>
#include <cctype>
#include <stdexcept>

namespace ringdesk::core::testing {

CoreHarness::CoreHarness(CoreSettings coreSettings)
    : settings(coreSettings), core(settings, clock, output, store)
{
}

ConnectionId CoreHarness::connectOperator(const std::string& uuid)
{
    return keyed(nextConnection(), uuid);
}

ConnectionId CoreHarness::keyed(ConnectionId op, const std::string& uuid)
{
    core.operatorConnected(op);
    uuids_[op] = uuid;
    send(op, nlchat::Key{uuid, {}});
    return op;
}

ConnectionId CoreHarness::logIn(const std::string& username, const std::string& displayName)
{
    const ConnectionId op = nextConnection();
    keyed(op, "uuid-" + username + "-" + std::to_string(op));
    std::string shown = displayName;
    if (shown.empty() && !username.empty()) {
        shown = username;
        shown[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(shown[0])));
    }
    core.operatorLoggedIn(op, OperatorIdentity{username, shown});
    return op;
}

const std::string& CoreHarness::uuidOf(ConnectionId op) const
{
    const auto found = uuids_.find(op);
    if (found == uuids_.end())
        throw std::logic_error("connection " + std::to_string(op) + " is not an operator");
    return found->second;
}

void CoreHarness::operatorSays(ConnectionId op, std::int64_t id, const std::string& text)
{
    send(op, nlchat::Msg{{text}, nlchat::Direction::Out, uuidOf(op), id, 0, 0});
}

ConnectionId CoreHarness::visitorHello(const std::string& name, const std::string& page,
                                       const std::string& token, std::int64_t since)
{
    const ConnectionId visitor = nextConnection();
    core.visitorConnected(visitor, "192.0.2.7");
    core.visitorMessage(visitor, visitor::Hello{token, since, name, page});
    return visitor;
}

void CoreHarness::visitorSays(ConnectionId visitor, const std::string& text)
{
    core.visitorMessage(visitor, visitor::SendMsg{text});
}

visitor::Welcome CoreHarness::welcomeOf(ConnectionId visitor) const
{
    return output.lastToVisitor<visitor::Welcome>(visitor);
}

std::int64_t CoreHarness::conversationOf(ConnectionId visitor) const
{
    return output.lastToVisitor<visitor::StateChange>(visitor).conversation;
}

ConnectionId CoreHarness::visitorStartsChat(const std::string& name, const std::string& text)
{
    const ConnectionId visitor = visitorHello(name, "https://shop.example/cart");
    visitorSays(visitor, text);
    return visitor;
}

CoreHarness::Chat CoreHarness::connectedChat(ConnectionId winner, const std::string& visitorName,
                                             const std::string& firstText)
{
    Chat chat;
    chat.visitor = visitorStartsChat(visitorName, firstText);
    chat.id = conversationOf(chat.visitor);
    ringAck(winner, chat.id);
    if (live(chat.id).state != ConversationState::Connected)
        throw std::logic_error("conversation " + std::to_string(chat.id) + " did not connect");
    return chat;
}

void CoreHarness::advance(Duration d)
{
    clock.advance(d);
    core.tick();
}

void CoreHarness::advanceKeeping(Duration total, const std::vector<ConnectionId>& alive,
                                 Duration step)
{
    for (Duration done{0}; done < total;) {
        const Duration next = std::min(step, total - done);
        clock.advance(next);
        done += next;
        for (ConnectionId op : alive)
            probeAck(op);
        core.tick();
    }
}

ConversationInfo CoreHarness::live(std::int64_t id) const
{
    for (const ConversationInfo& info : core.liveConversations())
        if (info.id == id)
            return info;
    throw std::logic_error("conversation " + std::to_string(id) + " is not live");
}

bool CoreHarness::isLive(std::int64_t id) const
{
    for (const ConversationInfo& info : core.liveConversations())
        if (info.id == id)
            return true;
    return false;
}

std::size_t CoreHarness::openChatsOf(ConnectionId op) const
{
    for (const OperatorSessionInfo& info : core.operatorSessions())
        if (info.connection == op)
            return info.openChats;
    throw std::logic_error("operator connection " + std::to_string(op) + " has no session");
}

bool CoreHarness::hasOperatorSession(ConnectionId op) const
{
    for (const OperatorSessionInfo& info : core.operatorSessions())
        if (info.connection == op)
            return true;
    return false;
}

} // namespace ringdesk::core::testing
