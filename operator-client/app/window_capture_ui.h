#pragma once
// Saves what a window shows as a PNG (the GUI test's screenshots, docs/operator-app.png).

#include <string>

class wxWindow;

namespace ringdesk::operator_app {

/// GTK draws on its frame clock, after the event that changed a window: a capture waits this
/// long (ms) so that it shows what the operator sees. Only --screenshot-dir uses it.
constexpr int kScreenshotSettleMs = 400;

/// Copies what `window`'s client area shows (for a frame: without its menu bar and status bar)
/// into `path` (PNG). The window must be shown. Returns false when the capture or the write
/// failed.
bool saveWindowPng(wxWindow* window, const std::string& path);

} // namespace ringdesk::operator_app
