#pragma once
// Saves what a window shows as a PNG (the GUI test's screenshots, docs/operator-app.png).

#include <string>

class wxWindow;

namespace ringdesk::operator_app {

/// Copies what `window`'s client area shows (for a frame: without its menu bar and status bar)
/// into `path` (PNG). The window must be shown. Returns false when the capture or the write
/// failed.
bool saveWindowPng(wxWindow* window, const std::string& path);

} // namespace ringdesk::operator_app
