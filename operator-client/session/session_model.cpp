#include "operator-client/session/session_model.h"

#include "protocol/friend_result.h"

namespace ringdesk::operator_client {

SessionModel::SessionModel(std::string uuid) : uuid_(std::move(uuid)) {}

std::vector<nlchat::Packet> SessionModel::connectionOpened(const std::string& username,
                                                           const std::string& password,
                                                           const std::string& keyPem)
{
    phase_ = Phase::LoggingIn;
    username_ = username;
    handedBack_.clear();
    const nlchat::Key key{uuid_, keyPem};
    return {key, nlchat::Login{username, password, -1, {}}, key};
}

std::vector<Event> SessionModel::connectionLost()
{
    std::vector<Event> events;
    for (const auto& [id, ring] : rings_)
        events.emplace_back(RingClosed{id});
    rings_.clear();
    if (phase_ != Phase::Refused && phase_ != Phase::LoggedOut)
        phase_ = Phase::Offline;
    return events;
}

std::vector<Event> SessionModel::handle(const nlchat::Packet& packet)
{
    if (const auto* p = std::get_if<nlchat::Login>(&packet))
        return onLogin(*p);
    if (std::holds_alternative<nlchat::Status>(packet))
        return onStatus();
    if (const auto* p = std::get_if<nlchat::Ring>(&packet))
        return onRing(*p);
    if (const auto* p = std::get_if<nlchat::RingAckAck>(&packet))
        return onRingAckAck(*p);
    if (const auto* p = std::get_if<nlchat::Msg>(&packet))
        return onMsg(*p);
    if (const auto* p = std::get_if<nlchat::ChatState>(&packet))
        return onChatState(*p);
    if (const auto* p = std::get_if<nlchat::Disassociate>(&packet))
        return onDisassociate(*p);
    if (const auto* p = std::get_if<nlchat::Error>(&packet))
        return {ErrorReceived{p->code, p->message, p->ref}};
    if (const auto* p = std::get_if<nlchat::Logout>(&packet))
        return onLogout(*p);
    return onImPacket(packet);
}

std::vector<Event> SessionModel::onImPacket(const nlchat::Packet& packet) const
{
    if (const auto* p = std::get_if<nlchat::Roster>(&packet)) {
        RosterReceived roster{{}, p->invitedBy, p->invited};
        for (const nlchat::RosterEntry& entry : p->friends)
            roster.colleagues.push_back({entry.username, entry.status});
        return {std::move(roster)};
    }
    if (const auto* p = std::get_if<nlchat::StatusUpdate>(&packet)) {
        if (p->username == username_)
            return {};
        return {ColleagueStatusChanged{p->username, p->status}};
    }
    if (const auto* p = std::get_if<nlchat::FriendInvite>(&packet))
        return {InvitationReceived{p->from}};
    if (const auto* p = std::get_if<nlchat::FriendAccept>(&packet))
        return {InvitationAnswered{p->username, true}};
    if (const auto* p = std::get_if<nlchat::FriendDeny>(&packet))
        return {InvitationAnswered{p->username, false}};
    if (const auto* p = std::get_if<nlchat::FriendDelete>(&packet))
        return {ColleagueRemoved{p->username}};
    if (const auto* p = std::get_if<nlchat::FriendResult>(&packet)) {
        static const std::map<std::string, ColleagueAction> actions = {
            {nlchat::command::kFriendRequest, ColleagueAction::Add},
            {nlchat::command::kFriendAccept, ColleagueAction::Accept},
            {nlchat::command::kFriendDeny, ColleagueAction::Deny},
            {nlchat::command::kFriendDelete, ColleagueAction::Remove},
        };
        const auto action = actions.find(p->action);
        if (action == actions.end())
            return {};
        return {ColleagueCommandResult{action->second, p->username,
                                       p->result == static_cast<int>(protocol::FriendResult::kDone)}};
    }
    if (const auto* p = std::get_if<nlchat::TeamMsg>(&packet))
        return {TeamMessageReceived{p->from, p->text, p->ts, p->offline}};
    if (const auto* p = std::get_if<nlchat::TeamMsgResult>(&packet)) {
        TeamDelivery delivery = TeamDelivery::NoSuchUser;
        if (p->result == static_cast<int>(TeamDelivery::Delivered))
            delivery = TeamDelivery::Delivered;
        else if (p->result == static_cast<int>(TeamDelivery::Stored))
            delivery = TeamDelivery::Stored;
        return {TeamMessageResult{p->to, delivery}};
    }
    return {};
}

std::vector<Event> SessionModel::onLogin(const nlchat::Login& answer)
{
    if (phase_ != Phase::LoggingIn || answer.result < 0)
        return {};
    if (answer.result == static_cast<int>(nlchat::LoginResult::kOk)) {
        phase_ = Phase::Resuming;
        return {LoggedIn{answer.username, answer.displayName}};
    }
    phase_ = Phase::Refused;
    stopReason_ = answer.result == static_cast<int>(nlchat::LoginResult::kBanned)
                      ? "login refused: the account is banned"
                      : "login refused: wrong user name or password";
    return {LoginFailed{answer.result}};
}

std::vector<Event> SessionModel::onStatus()
{
    if (phase_ != Phase::Resuming)
        return {};
    // The barrier: every chat the server hands back has been announced by now.
    phase_ = Phase::Ready;
    std::vector<Event> events;
    for (auto it = chats_.begin(); it != chats_.end();) {
        if (handedBack_.count(it->first) != 0) {
            ++it;
            continue;
        }
        events.emplace_back(ChatEnded{it->first});
        it = chats_.erase(it);
    }
    return events;
}

std::vector<Event> SessionModel::onRing(const nlchat::Ring& ring)
{
    std::vector<Event> events;
    // A chat of ours rung again: the server gave up waiting for us while we were away.
    if (chats_.erase(ring.id) != 0)
        events.emplace_back(ChatEnded{ring.id});
    const bool fresh = rings_.insert_or_assign(ring.id, ring).second;
    if (fresh)
        events.emplace_back(RingOffered{ring});
    return events;
}

std::vector<Event> SessionModel::onRingAckAck(const nlchat::RingAckAck& packet)
{
    if (packet.uuid == uuid_ && !uuid_.empty()) {
        const auto ring = rings_.find(packet.id);
        auto [chat, opened] = chats_.try_emplace(packet.id);
        if (opened) {
            chat->second.id = packet.id;
            if (ring != rings_.end()) {
                chat->second.visitor = ring->second.visitor;
                chat->second.visitorName = ring->second.name;
                chat->second.page = ring->second.page;
            }
        }
        if (ring != rings_.end())
            rings_.erase(ring);
        handedBack_.insert(packet.id);
        if (opened || packet.resumed)
            return {RingWon{packet.id, packet.resumed}};
        return {};
    }
    // Repeats (the server tells a late ringACK who won) find the ring gone and say nothing.
    if (rings_.erase(packet.id) == 0)
        return {};
    if (packet.uuid.empty())
        return {RingClosed{packet.id}};
    return {RingTaken{packet.id, packet.operatorName}};
}

std::vector<Event> SessionModel::onMsg(const nlchat::Msg& packet)
{
    ChatInfo* open = chat(packet.id);
    if (open == nullptr || packet.io != nlchat::Direction::In)
        return {};
    // Sequence numbers only grow within a conversation; a repeat is a replay after a resume.
    if (packet.seq != 0 && packet.seq <= open->lastSeq)
        return {};
    std::vector<Event> events;
    for (const std::string& text : packet.msg)
        events.emplace_back(MessageReceived{open->id, packet.seq, text, packet.ts});
    if (packet.seq != 0)
        open->lastSeq = packet.seq;
    return events;
}

std::vector<Event> SessionModel::onChatState(const nlchat::ChatState& packet)
{
    ChatInfo* open = chat(packet.id);
    if (open == nullptr || packet.io != nlchat::Direction::In)
        return {};
    return {ChatStateChanged{open->id, packet.state}};
}

std::vector<Event> SessionModel::onDisassociate(const nlchat::Disassociate& packet)
{
    ChatInfo* open = chat(packet.id);
    if (open == nullptr)
        return {};
    const std::int64_t id = open->id;
    chats_.erase(id);
    return {ChatEnded{id}};
}

std::vector<Event> SessionModel::onLogout(const nlchat::Logout& packet)
{
    phase_ = Phase::LoggedOut;
    stopReason_ = "logged out by the server" + (packet.reason.empty() ? std::string() : ": " + packet.reason);
    return {};
}

ChatInfo* SessionModel::chat(std::int64_t id)
{
    if (id == 0 && chats_.size() == 1)
        return &chats_.begin()->second;
    const auto found = chats_.find(id);
    return found == chats_.end() ? nullptr : &found->second;
}

nlchat::Packet SessionModel::packetFor(const Command& command) const
{
    struct Encode
    {
        const std::string& uuid;
        nlchat::Packet operator()(const AcceptRing& c) const { return nlchat::RingAck{uuid, c.ringId}; }
        nlchat::Packet operator()(const SendText& c) const
        {
            return nlchat::Msg{{c.text}, nlchat::Direction::Out, uuid, c.chatId, 0, 0};
        }
        nlchat::Packet operator()(const SendState& c) const
        {
            return nlchat::ChatState{uuid, nlchat::Direction::Out, c.state, c.chatId};
        }
        nlchat::Packet operator()(const EndChat& c) const { return nlchat::Disassociate{uuid, c.chatId}; }
        nlchat::Packet operator()(const SetPresence& c) const { return nlchat::SetStatus{c.status}; }
        nlchat::Packet operator()(const RequestRoster&) const { return nlchat::Roster{}; }
        nlchat::Packet operator()(const AddColleague& c) const { return nlchat::FriendRequest{c.username}; }
        nlchat::Packet operator()(const AcceptColleague& c) const { return nlchat::FriendAccept{c.username}; }
        nlchat::Packet operator()(const DenyColleague& c) const { return nlchat::FriendDeny{c.username}; }
        nlchat::Packet operator()(const RemoveColleague& c) const { return nlchat::FriendDelete{c.username}; }
        nlchat::Packet operator()(const SendTeamText& c) const { return nlchat::TeamMsg{{}, c.to, c.text, 0, false}; }
    };
    return std::visit(Encode{uuid_}, command);
}

std::vector<Event> SessionModel::sent(const Command& command)
{
    if (const auto* end = std::get_if<EndChat>(&command); end && chats_.erase(end->chatId) != 0)
        return {ChatEnded{end->chatId}};
    return {};
}

std::vector<ChatInfo> SessionModel::openChats() const
{
    std::vector<ChatInfo> result;
    for (const auto& [id, info] : chats_)
        result.push_back(info);
    return result;
}

std::vector<nlchat::Ring> SessionModel::pendingRings() const
{
    std::vector<nlchat::Ring> result;
    for (const auto& [id, ring] : rings_)
        result.push_back(ring);
    return result;
}

} // namespace ringdesk::operator_client
