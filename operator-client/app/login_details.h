#pragma once
// What an operator logs in with (the login dialog, the command line, the remembered
// settings), and the session settings made from it (docs/operator-app.md, "Logging in").

#include "operator-client/app/server_address.h"
#include "operator-client/session/session_settings.h"

#include <cstdint>
#include <string>

namespace ringdesk::operator_app {

/// The server's HTTP port by default (ringdesk.http.port), where its public key is published.
inline constexpr std::uint16_t kDefaultHttpPort = 8080;

struct LoginDetails
{
    ServerAddress server;
    std::string user;
    std::string password;
    /// TLS to the operator endpoint's TLS port (ringdesk.operator.tlsPort).
    bool tls = false;
    /// With TLS: PEM file of the certificates to trust instead of the system's authorities;
    /// for a server with a self-signed certificate, a copy of its tls_certificate.pem.
    std::string tlsCaFile;
    /// RSA raw mode (spec 1.2): every packet sealed with RSA, as the original clients do.
    bool raw = false;
    /// With raw mode: the server's public key (PEM, a copy of its server_key.pub.pem); empty:
    /// fetched from http://host:httpPort/keys/server.pem at connection time.
    std::string serverKeyFile;
    std::uint16_t httpPort = kDefaultHttpPort;
    bool rememberPassword = false;
};

/// The session settings for `details`: server, account, TLS options and raw mode (the key
/// pair generated and the server's key fetched by the session, see
/// SessionSettings::RawModeSetup). Throws std::invalid_argument naming the file when
/// details.serverKeyFile cannot be read or holds no accepted RSA public key.
operator_client::SessionSettings sessionSettingsFor(const LoginDetails& details);

} // namespace ringdesk::operator_app
