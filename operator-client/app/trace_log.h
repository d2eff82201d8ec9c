#pragma once
// The app's trace (--trace, launch_options.h): one line per thing shown to the operator, on
// standard output, flushed at once, so that the GUI test (tests/gui/) can follow the app
// without sleeping. Lines start with a fixed word: "logged-in", "ring-shown ID", "ring-won ID",
// "chat-opened ID", "message-shown ID TEXT", "message-sent ID TEXT", "chat-ended ID",
// "connection-lost REASON", "screenshot PATH", "error CODE MESSAGE"; for colleagues
// "roster N colleagues, M invitations", "colleague-status NAME STATUS", "invitation-received
// NAME", "invitation-answered NAME accepted|denied", "colleague-removed NAME",
// "colleague-result NAME done|refused", "team-opened NAME", "team-message-shown NAME
// [(offline)] TEXT", "team-message-sent NAME TEXT", "team-result NAME DELIVERY".

#include <string>

namespace ringdesk::operator_app {

class TraceLog
{
public:
    explicit TraceLog(bool enabled) : enabled_(enabled) {}

    /// Writes "trace: " + `line` and a newline when enabled; newlines inside `line` become
    /// spaces so that one event is one line.
    void write(const std::string& line) const;

    bool enabled() const { return enabled_; }

private:
    bool enabled_;
};

} // namespace ringdesk::operator_app
