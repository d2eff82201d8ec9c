#pragma once
// The wxApp of ringdesk-operator: reads the command line (launch_options.h), logs in (the
// login dialog, or --auto-login) and shows the main window.

#include "operator-client/app/login_config_ui.h"

#include <wx/app.h>

#include <memory>

namespace ringdesk::operator_app {

class OperatorApp : public wxApp
{
public:
    /// False (the app ends) for a bad command line, --help, or a cancelled first login.
    bool OnInit() override;
    int OnExit() override;

private:
    std::unique_ptr<LoginConfig> config_;
};

} // namespace ringdesk::operator_app
