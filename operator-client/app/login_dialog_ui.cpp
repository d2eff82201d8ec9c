#include "operator-client/app/login_dialog_ui.h"

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/filepicker.h>
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
    tls_->SetValue(initial.tls);
    tls_->SetToolTip("Encrypt the connection with TLS (the server's TLS port, 7020 by default).");
    grid->AddSpacer(0);
    grid->Add(tls_);
    const long pickerStyle = wxFLP_OPEN | wxFLP_FILE_MUST_EXIST | wxFLP_USE_TEXTCTRL;
    tlsCaFile_ = new wxFilePickerCtrl(this, wxID_ANY, wxString::FromUTF8(initial.tlsCaFile),
                                      "Certificate to trust", "PEM files (*.pem;*.crt)|*.pem;*.crt|All files|*",
                                      wxDefaultPosition, wxDefaultSize, pickerStyle);
    tlsCaFile_->SetToolTip("Empty: the system's certificate authorities. For a server with a "
                           "self-signed certificate, a copy of its tls_certificate.pem.");
    addRow("Trusted certificate:", tlsCaFile_);
    raw_ = new wxCheckBox(this, wxID_ANY, "RSA raw mode");
    raw_->SetValue(initial.raw);
    raw_->SetToolTip("Seal every packet with RSA, as the original NL chat clients do (spec 1.2).");
    grid->AddSpacer(0);
    grid->Add(raw_);
    serverKeyFile_ = new wxFilePickerCtrl(this, wxID_ANY, wxString::FromUTF8(initial.serverKeyFile),
                                          "Server public key", "PEM files (*.pem)|*.pem|All files|*",
                                          wxDefaultPosition, wxDefaultSize, pickerStyle);
    serverKeyFile_->SetToolTip("The server's public key (its server_key.pub.pem). Empty: fetched from "
                               "the server's HTTP port " + std::to_string(initial.httpPort) + ".");
    addRow("Server key:", serverKeyFile_);
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
    tls_->Bind(wxEVT_CHECKBOX, [this](wxCommandEvent&) { onTlsToggled(); });
    raw_->Bind(wxEVT_CHECKBOX, [this](wxCommandEvent&) { updateEnabled(); });
    updateEnabled();
}

void LoginDialog::updateEnabled()
{
    tlsCaFile_->Enable(tls_->GetValue());
    serverKeyFile_->Enable(raw_->GetValue());
}

void LoginDialog::onTlsToggled()
{
    const bool tls = tls_->GetValue();
    const std::uint16_t from = tls ? kDefaultOperatorPort : kDefaultOperatorTlsPort;
    auto server = parseServerAddress(server_->GetValue().utf8_string(), from);
    if (server && server->port == from) {
        server->port = tls ? kDefaultOperatorTlsPort : kDefaultOperatorPort;
        server_->SetValue(wxString::FromUTF8(formatServerAddress(*server)));
    }
    updateEnabled();
}

void LoginDialog::onOk(wxCommandEvent& event)
{
    const bool tls = tls_->GetValue();
    const auto server = parseServerAddress(server_->GetValue().utf8_string(),
                                           tls ? kDefaultOperatorTlsPort : kDefaultOperatorPort);
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
    details_.tls = tls;
    details_.tlsCaFile = tlsCaFile_->GetPath().utf8_string();
    details_.raw = raw_->GetValue();
    details_.serverKeyFile = serverKeyFile_->GetPath().utf8_string();
    details_.rememberPassword = remember_->GetValue();
    event.Skip(); // the dialog's own handler ends it with wxID_OK
}

} // namespace ringdesk::operator_app
