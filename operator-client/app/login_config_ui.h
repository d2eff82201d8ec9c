#pragma once
// What the login dialog fills in, and what of it is remembered between runs (wxConfig): the
// server and the user always, the password only when "remember password" is ticked.

#include "operator-client/app/server_address.h"

#include <memory>
#include <string>

class wxConfigBase;

namespace ringdesk::operator_app {

struct LoginDetails
{
    ServerAddress server;
    std::string user;
    std::string password;
    /// TLS to the operator endpoint. The session library has no TLS yet: always false, the
    /// dialog shows the option disabled (docs/operator-app.md).
    bool tls = false;
    bool rememberPassword = false;
};

class LoginConfig
{
public:
    /// `file` empty: the user's default configuration for "ringdesk-operator"; otherwise that
    /// file (tests). Files are created readable by the user alone: they may hold a password.
    explicit LoginConfig(const std::string& file);
    ~LoginConfig();

    /// The remembered details; the password is empty unless it was remembered.
    LoginDetails load() const;
    /// Remembers server, user and the remember-password choice; the password only with
    /// details.rememberPassword (otherwise a remembered one is deleted). Flushes at once.
    void save(const LoginDetails& details);

private:
    std::unique_ptr<wxConfigBase> config_;
};

} // namespace ringdesk::operator_app
