#include "operator-client/app/login_details.h"

#include "protocol/protocol_error.h"
#include "protocol/rsa_key.h"
#include "server/keys/key_files.h"

#include <stdexcept>
#include <system_error>

namespace ringdesk::operator_app {
namespace {

protocol::RsaPublicKey readServerKey(const std::string& path)
{
    try {
        const std::optional<std::string> pem = keys::readKeyFileIfExists(path);
        if (!pem)
            throw std::invalid_argument("the server key file " + path + " does not exist");
        return protocol::RsaPublicKey::fromPem(*pem);
    } catch (const protocol::ProtocolError& e) {
        throw std::invalid_argument("the server key file " + path + " is not usable: " + e.what());
    } catch (const std::system_error& e) {
        throw std::invalid_argument(std::string("cannot read the server key file: ") + e.what());
    }
}

} // namespace

operator_client::SessionSettings sessionSettingsFor(const LoginDetails& details)
{
    operator_client::SessionSettings settings;
    settings.host = details.server.host;
    settings.port = details.server.port;
    settings.username = details.user;
    settings.password = details.password;
    if (details.tls)
        settings.tls = operator_client::TlsOptions{details.tlsCaFile};
    if (details.raw) {
        settings.rawMode = operator_client::SessionSettings::RawModeSetup{std::nullopt, details.httpPort};
        if (!details.serverKeyFile.empty())
            settings.rawMode->serverKey = readServerKey(details.serverKeyFile);
    }
    return settings;
}

} // namespace ringdesk::operator_app
