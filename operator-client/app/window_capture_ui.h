#pragma once
// Saves what a window shows as a PNG (the GUI test's screenshots, docs/operator-app.png).

#include <string>

class wxWindow;

namespace ringdesk::operator_app {

/// Copies `window`'s area of the screen into `path` (PNG). The window must be shown and not
/// covered. Returns false when the capture or the write failed.
bool saveWindowPng(wxWindow* window, const std::string& path);

} // namespace ringdesk::operator_app
