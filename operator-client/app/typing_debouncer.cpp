#include "operator-client/app/typing_debouncer.h"

#include "protocol/chat_state.h"

namespace ringdesk::operator_app {

std::optional<std::string> TypingDebouncer::edited(Clock::time_point now, bool inputEmpty)
{
    lastEdit_ = now;
    if (inputEmpty)
        return sent();
    if (composing_)
        return std::nullopt;
    composing_ = true;
    return std::string(protocol::chat_state::kComposing);
}

std::optional<std::string> TypingDebouncer::tick(Clock::time_point now)
{
    if (!composing_ || now - lastEdit_ < kIdle)
        return std::nullopt;
    composing_ = false;
    return std::string(protocol::chat_state::kPaused);
}

std::optional<std::string> TypingDebouncer::sent()
{
    if (!composing_)
        return std::nullopt;
    composing_ = false;
    return std::string(protocol::chat_state::kPaused);
}

} // namespace ringdesk::operator_app
