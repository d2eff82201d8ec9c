#pragma once
// The login dialog: server (host:port), TLS with the certificate to trust, RSA raw mode with
// the server's key, user, password, "remember password" (docs/operator-app.md, "Logging in").

#include "operator-client/app/login_config_ui.h"

#include <wx/dialog.h>

class wxCheckBox;
class wxFilePickerCtrl;
class wxStaticText;
class wxTextCtrl;

namespace ringdesk::operator_app {

class LoginDialog : public wxDialog
{
public:
    /// Filled from `initial`; `problem` (may be empty) is shown in red above the buttons,
    /// e.g. why the previous login failed.
    LoginDialog(wxWindow* parent, const LoginDetails& initial, const std::string& problem);

    /// What the operator entered; valid after ShowModal() returned wxID_OK.
    const LoginDetails& details() const { return details_; }

private:
    void onOk(wxCommandEvent& event);
    /// Enables the file pickers of the ticked options.
    void updateEnabled();
    /// Switches a default port in the server field to the other mode's default.
    void onTlsToggled();

    LoginDetails details_;
    wxTextCtrl* server_;
    wxCheckBox* tls_;
    wxFilePickerCtrl* tlsCaFile_;
    wxCheckBox* raw_;
    wxFilePickerCtrl* serverKeyFile_;
    wxTextCtrl* user_;
    wxTextCtrl* password_;
    wxCheckBox* remember_;
    wxStaticText* problem_;
};

} // namespace ringdesk::operator_app
