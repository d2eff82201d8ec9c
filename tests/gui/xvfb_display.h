#pragma once
// A private X display for GUI tests: Xvfb on a display number it picks itself (-displayfd),
// so parallel test runs never collide.

#include <Poco/Process.h>

#include <chrono>
#include <memory>
#include <string>

namespace ringdesk::gui_test {

class XvfbDisplay
{
public:
    /// Starts Xvfb with one 1280×800×24 screen and waits, up to `timeout`, until it reports
    /// its display number (it is ready then). Throws std::runtime_error when Xvfb exits or
    /// stays silent.
    explicit XvfbDisplay(std::chrono::milliseconds timeout = std::chrono::seconds(30));
    /// Kills Xvfb and waits for it.
    ~XvfbDisplay();

    XvfbDisplay(const XvfbDisplay&) = delete;
    XvfbDisplay& operator=(const XvfbDisplay&) = delete;

    /// The value for DISPLAY, e.g. ":5".
    const std::string& name() const { return name_; }

private:
    std::unique_ptr<Poco::ProcessHandle> handle_;
    std::string name_;
};

} // namespace ringdesk::gui_test
