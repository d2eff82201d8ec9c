#pragma once
// What of the login details is remembered between runs (wxConfig): server, user, TLS and raw
// mode choices always, the password only when "remember password" is ticked.

#include "operator-client/app/login_details.h"

#include <memory>
#include <string>

class wxConfigBase;

namespace ringdesk::operator_app {

class LoginConfig
{
public:
    /// `file` empty: the user's default configuration for "ringdesk-operator"; otherwise that
    /// file (tests). Files are created readable by the user alone: they may hold a password.
    explicit LoginConfig(const std::string& file);
    ~LoginConfig();

    /// The remembered details; the password is empty unless it was remembered.
    LoginDetails load() const;
    /// Remembers server, user, the TLS and raw mode choices with their files and the
    /// remember-password choice; the password only with
    /// details.rememberPassword (otherwise a remembered one is deleted). Flushes at once.
    void save(const LoginDetails& details);

private:
    std::unique_ptr<wxConfigBase> config_;
};

} // namespace ringdesk::operator_app
