#include "operator-client/app/operator_app.h"

#include "operator-client/app/launch_options.h"
#include "operator-client/app/login_dialog_ui.h"
#include "operator-client/app/main_frame_ui.h"
#include "operator-client/app/trace_log.h"
#include "operator-client/app/window_capture_ui.h"

#include <wx/filename.h>
#include <wx/image.h>
#include <wx/timer.h>

#include <iostream>
#include <stdexcept>
#include <string>
#include <vector>

namespace ringdesk::operator_app {

bool OperatorApp::OnInit()
{
    std::vector<std::string> args;
    for (int i = 1; i < argc; ++i)
        args.push_back(argv[i].utf8_string());
    for (const std::string& arg : args) {
        if (arg == "--help" || arg == "-h") {
            std::cout << launchOptionsHelp();
            return false;
        }
    }
    LaunchOptions options;
    try {
        options = parseLaunchOptions(args);
    } catch (const std::invalid_argument& error) {
        std::cerr << "ringdesk-operator: " << error.what() << "\n";
        return false;
    }
    SetAppName("ringdesk-operator");
    SetVendorName("Ringdesk");
    wxImage::AddHandler(new wxPNGHandler);
    config_ = std::make_unique<LoginConfig>(options.configFile);

    LoginDetails details = applyLaunchOptions(config_->load(), options);

    if (!options.autoLogin) {
        LoginDialog dialog(nullptr, details, {});
        // --screenshot-dir: the dialog as the operator first sees it, saved as login.png.
        wxTimer shot;
        shot.Bind(wxEVT_TIMER, [&](wxTimerEvent&) {
            const std::string path =
                wxFileName(wxString::FromUTF8(options.screenshotDir), "login.png").GetFullPath().utf8_string();
            TraceLog(options.trace).write(saveWindowPng(&dialog, path) ? "screenshot " + path
                                                                       : "screenshot-failed " + path);
        });
        if (!options.screenshotDir.empty())
            shot.StartOnce(kScreenshotSettleMs);
        if (dialog.ShowModal() != wxID_OK)
            return false;
        details = dialog.details();
    }
    auto* frame = new MainFrame(options, *config_);
    frame->Show();
    frame->logIn(details);
    return true;
}

int OperatorApp::OnExit()
{
    config_.reset();
    return wxApp::OnExit();
}

} // namespace ringdesk::operator_app
