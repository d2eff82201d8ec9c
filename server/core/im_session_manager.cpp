// Sessions, statuses and the ALIVE timer of the IM unit (see im_directory.h).
#include "server/core/im_session_manager.h"

#include "server/core/core.h"

#include <vector>

namespace ringdesk::core {

ImSessionManager::ImSessionManager(ImSettings settings, const Clock& clock, ConnectionSink& sink,
                                   ImsDocumentSink& imsSink, ImStore& store)
    : settings_(settings), clock_(clock), sink_(sink), imsSink_(imsSink), store_(store)
{
}

void ImSessionManager::imsConnected(ConnectionId connection, const std::string& address)
{
    ims_[connection] =
        ImsSession{ImsState::kAwaitingLogin, {}, clock_.now(), clock_.now(), address, clock_.epochMs()};
}

std::vector<ImsSessionInfo> ImSessionManager::imsSessions() const
{
    std::vector<ImsSessionInfo> rows;
    for (const auto& [connection, session] : ims_)
        if (session.state != ImsState::kLoggedOut)
            rows.push_back({connection, session.username, session.address, session.connectedAt});
    return rows;
}

void ImSessionManager::imsHeard(ConnectionId connection)
{
    if (const auto found = ims_.find(connection); found != ims_.end())
        found->second.lastHeard = clock_.now();
}

void ImSessionManager::imsLoggedIn(ConnectionId connection, const std::string& username)
{
    const auto found = ims_.find(connection);
    if (found == ims_.end() || found->second.state != ImsState::kAwaitingLogin)
        return;
    if (userBans_ != nullptr && userBans_->isBanned(username, clock_.epochMs()))
        return imsLoginRefused(connection, username, ims::LoginResult::kBanned); // banned meanwhile
    found->second.state = ImsState::kLoggedIn;
    found->second.username = username;
    found->second.lastHeard = clock_.now();
    join(username).ims.insert(connection);
    imsSink_.sendToIms(connection, ims::LoginResponse{username, ims::LoginResult::kOk});
    deliverBacklog(username, connection, true);
}

void ImSessionManager::imsLoginRefused(ConnectionId connection, const std::string& user, ims::LoginResult result)
{
    const auto found = ims_.find(connection);
    if (found == ims_.end() || found->second.state != ImsState::kAwaitingLogin)
        return;
    imsSink_.sendToIms(connection, ims::LoginResponse{user, result});
}

void ImSessionManager::imsClosed(ConnectionId connection)
{
    const auto found = ims_.find(connection);
    if (found == ims_.end())
        return;
    const ImsSession session = found->second;
    ims_.erase(found);
    if (session.state == ImsState::kLoggedIn)
        leave(session.username, connection);
}

void ImSessionManager::operatorLoggedIn(ConnectionId connection, const std::string& username)
{
    if (const auto previous = operators_.find(connection); previous != operators_.end())
        leave(previous->second, connection); // a second login on the same connection
    operators_[connection] = username;
    UserSessions& sessions = join(username);
    sessions.operators.insert(connection);
    if (statusHook_)
        statusHook_(connection, sessions.status);
    sink_.sendToOperator(connection, nlchat::StatusUpdate{username, sessions.status});
    deliverBacklog(username, connection, false);
}

void ImSessionManager::operatorClosed(ConnectionId connection)
{
    const auto found = operators_.find(connection);
    if (found == operators_.end())
        return;
    const std::string username = found->second;
    operators_.erase(found);
    leave(username, connection);
}

std::size_t ImSessionManager::forceLogoutIms(const std::string& username, const std::string& reason)
{
    const auto found = users_.find(username);
    if (found == users_.end())
        return 0;
    const std::set<ConnectionId> connections = found->second.ims;
    for (ConnectionId connection : connections) {
        imsSink_.sendToIms(connection, ims::ServerLogout{username});
        sink_.close(connection, reason);
        ims_[connection].state = ImsState::kLoggedOut;
        leave(username, connection);
    }
    return connections.size();
}

void ImSessionManager::tick()
{
    const TimePoint now = clock_.now();
    std::vector<std::pair<ConnectionId, const char*>> closing;
    for (const auto& [connection, session] : ims_) {
        if (session.state == ImsState::kAwaitingLogin && now - session.connected >= settings_.loginTimeout)
            closing.emplace_back(connection, "no LOGIN within the login timeout");
        else if (session.state != ImsState::kLoggedOut && now - session.lastHeard >= settings_.aliveTimeout)
            closing.emplace_back(connection, "no ALIVE within the timeout");
    }
    for (const auto& [connection, reason] : closing) {
        sink_.close(connection, reason);
        imsClosed(connection);
    }
}

int ImSessionManager::statusOf(const std::string& username) const
{
    const auto found = users_.find(username);
    return found == users_.end() ? status_code::kOffline : found->second.status;
}

std::map<std::string, std::size_t> ImSessionManager::onlineUsers() const
{
    std::map<std::string, std::size_t> rows;
    for (const auto& [name, sessions] : users_)
        rows[name] = sessions.ims.size() + sessions.operators.size();
    return rows;
}

ImSessionManager::UserSessions& ImSessionManager::join(const std::string& username)
{
    const auto [found, inserted] = users_.try_emplace(username);
    if (inserted) {
        found->second.status = status_code::kOnline;
        announceStatus(username);
    }
    return found->second;
}

void ImSessionManager::leave(const std::string& username, ConnectionId connection)
{
    const auto found = users_.find(username);
    if (found == users_.end())
        return;
    found->second.ims.erase(connection);
    found->second.operators.erase(connection);
    if (found->second.ims.empty() && found->second.operators.empty()) {
        users_.erase(found);
        announceStatus(username);
    }
}

void ImSessionManager::deliverBacklog(const std::string& username, ConnectionId connection, bool ims)
{
    for (const std::string& inviter : store_.pendingInvitersOf(username)) {
        if (ims)
            imsSink_.sendToIms(connection, ims::FriendInvite{username, inviter});
        else
            sink_.sendToOperator(connection, nlchat::FriendInvite{inviter});
    }
    const std::int64_t nowMs = clock_.epochMs();
    for (const ImOfflineMessage& message : store_.undeliveredMessages(username)) {
        if (ims)
            imsSink_.sendToIms(connection, ims::Message{message.from, message.to, message.text});
        else
            sink_.sendToOperator(
                connection, nlchat::TeamMsg{message.from, message.to, message.text, message.createdAtMs, true});
        // Output is sent only after the batch committed, so "delivered" is never recorded
        // for a message that is not written.
        store_.markDelivered(message.id, nowMs);
    }
}

bool ImSessionManager::knownStatus(int status)
{
    for (const ImStatus& known : store_.statuses())
        if (known.id == status)
            return true;
    return false;
}

bool ImSessionManager::setStatus(const std::string& username, int status)
{
    const auto found = users_.find(username);
    if (found == users_.end() || !knownStatus(status))
        return false;
    found->second.status = status;
    if (statusHook_)
        for (ConnectionId connection : found->second.operators)
            statusHook_(connection, status);
    announceStatus(username);
    return true;
}

void ImSessionManager::announceStatus(const std::string& username)
{
    // Operators see their own status and their friends' (colleagues' presence); IMS has no
    // status push, its clients ask with FRIEND type="request".
    const nlchat::StatusUpdate update{username, statusOf(username)};
    std::vector<std::string> audience = store_.friendsOf(username);
    audience.push_back(username);
    for (const std::string& name : audience)
        if (const auto found = users_.find(name); found != users_.end())
            for (ConnectionId connection : found->second.operators)
                sink_.sendToOperator(connection, update);
}

} // namespace ringdesk::core
