#pragma once
// The operator's typing state as the visitor sees it (spec 1.1.11, chat_state "out"):
// "composing" once when typing starts, "paused" after kIdle without an edit, nothing for the
// keystrokes in between (debounced: one packet per change of state, not per key).

#include <chrono>
#include <optional>
#include <string>

namespace ringdesk::operator_app {

class TypingDebouncer
{
public:
    using Clock = std::chrono::steady_clock;
    static constexpr std::chrono::milliseconds kIdle{3000};

    /// The input changed at `now`. Returns "composing" when that starts typing (the state to
    /// send), std::nullopt while already composing. An edit that empties the input returns
    /// "paused" when composing: nothing is being typed any more.
    std::optional<std::string> edited(Clock::time_point now, bool inputEmpty);

    /// Called on a timer: returns "paused" when composing and the last edit is kIdle old.
    std::optional<std::string> tick(Clock::time_point now);

    /// The message was sent: returns "paused" when composing (the visitor's "is typing" ends
    /// with the message), and starts over.
    std::optional<std::string> sent();

    bool composing() const { return composing_; }

private:
    bool composing_ = false;
    Clock::time_point lastEdit_{};
};

} // namespace ringdesk::operator_app
