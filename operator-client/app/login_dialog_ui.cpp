#include "operator-client/app/login_dialog_ui.h"

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <algorithm>

namespace ringdesk::operator_app {

LoginDialog::LoginDialog(wxWindow* parent, const LoginDetails& initial, const std::string& problem)
    : wxDialog(parent, wxID_ANY, wxString::FromUTF8("Ringdesk \u2014 log in")), details_(initial)
{
    auto* grid = new wxFlexGridSizer(2, wxSize(8, 8));
    grid->AddGrowableCol(1);
    auto addRow = [&](const wxString& label, wxWindow* control) {
        grid->Add(new wxStaticText(this, wxID_ANY, label), 0, wxALIGN_CENTER_VERTICAL);
        grid->Add(control, 1, wxEXPAND);
    };

    server_ = new wxTextCtrl(this, wxID_ANY, wxString::FromUTF8(formatServerAddress(initial.server)));
    server_->SetHint("host:port");
    addRow("Server:", server_);
    tls_ = new wxCheckBox(this, wxID_ANY, "Use TLS");
    tls_->SetValue(false);
    tls_->Disable();
    tls_->SetToolTip("TLS to the operator endpoint is not supported by this version of the session library.");
    grid->AddSpacer(0);
    grid->Add(tls_);
    user_ = new wxTextCtrl(this, wxID_ANY, wxString::FromUTF8(initial.user));
    addRow("User:", user_);
    password_ = new wxTextCtrl(this, wxID_ANY, wxString::FromUTF8(initial.password), wxDefaultPosition,
                               wxDefaultSize, wxTE_PASSWORD);
    addRow("Password:", password_);
    remember_ = new wxCheckBox(this, wxID_ANY, "Remember password");
    remember_->SetValue(initial.rememberPassword);
    remember_->SetToolTip("Keeps the password in your configuration file, readable by you alone.");
    grid->AddSpacer(0);
    grid->Add(remember_);

    problem_ = new wxStaticText(this, wxID_ANY, wxString::FromUTF8(problem));
    problem_->SetForegroundColour(*wxRED);

    auto* top = new wxBoxSizer(wxVERTICAL);
    top->Add(grid, 1, wxEXPAND | wxALL, 12);
    top->Add(problem_, 0, wxLEFT | wxRIGHT, 12);
    top->Add(CreateSeparatedButtonSizer(wxOK | wxCANCEL), 0, wxEXPAND | wxALL, 12);
    SetSizerAndFit(top);
    SetSize(wxSize(std::max(GetSize().x, 420), GetSize().y));
    (initial.user.empty() ? user_ : password_)->SetFocus();
    Bind(wxEVT_BUTTON, &LoginDialog::onOk, this, wxID_OK);
}

void LoginDialog::onOk(wxCommandEvent& event)
{
    const auto server = parseServerAddress(server_->GetValue().utf8_string());
    if (!server) {
        problem_->SetLabel("The server must be host or host:port.");
        server_->SetFocus();
        return;
    }
    if (user_->GetValue().IsEmpty() || password_->GetValue().IsEmpty()) {
        problem_->SetLabel("Enter your user name and password.");
        (user_->GetValue().IsEmpty() ? user_ : password_)->SetFocus();
        return;
    }
    details_.server = *server;
    details_.user = user_->GetValue().utf8_string();
    details_.password = password_->GetValue().utf8_string();
    details_.tls = false;
    details_.rememberPassword = remember_->GetValue();
    event.Skip(); // the dialog's own handler ends it with wxID_OK
}

} // namespace ringdesk::operator_app
