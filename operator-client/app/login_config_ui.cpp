#include "operator-client/app/login_config_ui.h"

#include <wx/config.h>
#include <wx/fileconf.h>

namespace ringdesk::operator_app {
namespace {

constexpr const char* kServerKey = "/Login/Server";
constexpr const char* kUserKey = "/Login/User";
constexpr const char* kRememberKey = "/Login/RememberPassword";
constexpr const char* kPasswordKey = "/Login/Password";

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
    if (const auto server = parseServerAddress(config_->Read(kServerKey, "localhost").utf8_string()))
        details.server = *server;
    else
        details.server.host = "localhost";
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
    if (details.rememberPassword)
        config_->Write(kPasswordKey, wxString::FromUTF8(details.password));
    else
        config_->DeleteEntry(kPasswordKey);
    config_->Flush();
}

} // namespace ringdesk::operator_app
