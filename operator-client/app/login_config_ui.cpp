#include "operator-client/app/login_config_ui.h"

#include <wx/config.h>
#include <wx/fileconf.h>

namespace ringdesk::operator_app {
namespace {

constexpr const char* kServerKey = "/Login/Server";
constexpr const char* kUserKey = "/Login/User";
constexpr const char* kRememberKey = "/Login/RememberPassword";
constexpr const char* kPasswordKey = "/Login/Password";
constexpr const char* kTlsKey = "/Login/Tls";
constexpr const char* kTlsCaFileKey = "/Login/TlsCaFile";
constexpr const char* kRawKey = "/Login/Raw";
constexpr const char* kServerKeyFileKey = "/Login/ServerKeyFile";
constexpr const char* kHttpPortKey = "/Login/HttpPort";

} // namespace

LoginConfig::LoginConfig(const std::string& file)
{
    auto* config = file.empty()
                       ? new wxFileConfig("ringdesk-operator", "Ringdesk")
                       : new wxFileConfig("ringdesk-operator", "Ringdesk", wxString::FromUTF8(file), wxString(),
                                          wxCONFIG_USE_LOCAL_FILE);
    config->SetUmask(0077);
    config_.reset(config);
}

LoginConfig::~LoginConfig() = default;

LoginDetails LoginConfig::load() const
{
    LoginDetails details;
    details.tls = config_->ReadBool(kTlsKey, false);
    details.tlsCaFile = config_->Read(kTlsCaFileKey, "").utf8_string();
    details.raw = config_->ReadBool(kRawKey, false);
    details.serverKeyFile = config_->Read(kServerKeyFileKey, "").utf8_string();
    const long httpPort = config_->ReadLong(kHttpPortKey, kDefaultHttpPort);
    details.httpPort = httpPort > 0 && httpPort <= 65535 ? static_cast<std::uint16_t>(httpPort) : kDefaultHttpPort;
    if (const auto server = parseServerAddress(config_->Read(kServerKey, "localhost").utf8_string(),
                                               details.tls ? kDefaultOperatorTlsPort : kDefaultOperatorPort))
        details.server = *server;
    else
        details.server = {"localhost", details.tls ? kDefaultOperatorTlsPort : kDefaultOperatorPort};
    details.user = config_->Read(kUserKey, "").utf8_string();
    details.rememberPassword = config_->ReadBool(kRememberKey, false);
    if (details.rememberPassword)
        details.password = config_->Read(kPasswordKey, "").utf8_string();
    return details;
}

void LoginConfig::save(const LoginDetails& details)
{
    config_->Write(kServerKey, wxString::FromUTF8(formatServerAddress(details.server)));
    config_->Write(kUserKey, wxString::FromUTF8(details.user));
    config_->Write(kRememberKey, details.rememberPassword);
    config_->Write(kTlsKey, details.tls);
    config_->Write(kTlsCaFileKey, wxString::FromUTF8(details.tlsCaFile));
    config_->Write(kRawKey, details.raw);
    config_->Write(kServerKeyFileKey, wxString::FromUTF8(details.serverKeyFile));
    config_->Write(kHttpPortKey, static_cast<long>(details.httpPort));
    if (details.rememberPassword)
        config_->Write(kPasswordKey, wxString::FromUTF8(details.password));
    else
        config_->DeleteEntry(kPasswordKey);
    config_->Flush();
}

} // namespace ringdesk::operator_app
