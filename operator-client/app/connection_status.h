#pragma once
// The state of the link to the server as the main window's banner and status bar show it,
// derived from the session's events (operator-client/session/session_events.h) without wx.

#include "operator-client/session/session_events.h"

#include <string>

namespace ringdesk::operator_app {

class ConnectionStatus
{
public:
    enum class Link
    {
        Connecting,   // first attempt, nothing went wrong yet
        LoggingIn,    // connected, login sent
        Online,       // logged in
        Reconnecting, // lost; the session retries after a delay
        Stopped,      // the session ended (login refused, logged out, quit)
    };

    /// Takes one session event; returns true when what is shown changes. Events that say
    /// nothing about the link are ignored.
    bool apply(const operator_client::Event& event);

    Link link() const { return link_; }
    /// A trouble banner is shown while reconnecting or stopped after a failure.
    bool troubled() const;
    /// The banner's text: why the link dropped and when the next attempt is
    /// ("Connection lost (server stopped answering). Reconnecting in 4 s (attempt 3)…").
    std::string bannerText() const;
    /// The status bar's short text: "Connecting to host:port…", "Online as Alice", ...
    std::string statusText() const;
    /// The login refusal to show in the login dialog ("Wrong user name or password."), or
    /// empty when the login was not refused.
    const std::string& refusal() const { return refusal_; }

private:
    Link link_ = Link::Connecting;
    std::string server_;
    std::string displayName_;
    std::string reason_;
    std::string refusal_;
    long long retryInMs_ = 0;
    int attempt_ = 1;
    bool everOnline_ = false;
};

} // namespace ringdesk::operator_app
