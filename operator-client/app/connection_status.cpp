#include "operator-client/app/connection_status.h"

#include <variant>

namespace ringdesk::operator_app {

using namespace operator_client;

bool ConnectionStatus::apply(const Event& event)
{
    if (const auto* connecting = std::get_if<Connecting>(&event)) {
        server_ = connecting->host + ":" + std::to_string(connecting->port);
        attempt_ = connecting->attempt;
        if (link_ != Link::Reconnecting)
            link_ = Link::Connecting;
        return true;
    }
    if (std::holds_alternative<Connected>(event)) {
        link_ = Link::LoggingIn;
        return true;
    }
    if (const auto* loggedIn = std::get_if<LoggedIn>(&event)) {
        link_ = Link::Online;
        displayName_ = loggedIn->displayName.empty() ? loggedIn->username : loggedIn->displayName;
        reason_.clear();
        everOnline_ = true;
        return true;
    }
    if (const auto* failed = std::get_if<LoginFailed>(&event)) {
        refusal_ = failed->result == static_cast<int>(nlchat::LoginResult::kBanned)
                       ? "This account is banned."
                       : "Wrong user name or password.";
        return true;
    }
    if (const auto* lost = std::get_if<ConnectionLost>(&event)) {
        reason_ = lost->reason;
        if (lost->retryIn) {
            link_ = Link::Reconnecting;
            retryInMs_ = lost->retryIn->count();
        } else {
            link_ = Link::Stopped;
        }
        return true;
    }
    return false;
}

bool ConnectionStatus::troubled() const
{
    return link_ == Link::Reconnecting || (link_ == Link::Stopped && !reason_.empty());
}

std::string ConnectionStatus::bannerText() const
{
    const std::string why = reason_.empty() ? std::string() : " (" + reason_ + ")";
    if (link_ == Link::Reconnecting) {
        const long long seconds = (retryInMs_ + 999) / 1000;
        return std::string(everOnline_ ? "Connection lost" : "Cannot reach the server") + why +
               ". Reconnecting in " + std::to_string(seconds) + " s (attempt " + std::to_string(attempt_ + 1) +
               "); open chats are kept.";
    }
    if (link_ == Link::Stopped)
        return refusal_.empty() ? "Disconnected" + why + "." : refusal_;
    return {};
}

std::string ConnectionStatus::statusText() const
{
    switch (link_) {
    case Link::Connecting:
        return "Connecting to " + server_ + "\u2026";
    case Link::LoggingIn:
        return "Logging in to " + server_ + "\u2026";
    case Link::Online:
        return "Online as " + displayName_ + " on " + server_;
    case Link::Reconnecting:
        return "Reconnecting to " + server_ + "\u2026";
    case Link::Stopped:
        return "Disconnected";
    }
    return {};
}

} // namespace ringdesk::operator_app
