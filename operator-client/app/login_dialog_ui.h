#pragma once
// The login dialog: server (host:port), TLS, user, password, "remember password".

#include "operator-client/app/login_config_ui.h"

#include <wx/dialog.h>

class wxCheckBox;
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

    LoginDetails details_;
    wxTextCtrl* server_;
    wxCheckBox* tls_;
    wxTextCtrl* user_;
    wxTextCtrl* password_;
    wxCheckBox* remember_;
    wxStaticText* problem_;
};

} // namespace ringdesk::operator_app
