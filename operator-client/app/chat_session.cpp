#include "operator-client/app/chat_session.h"

#include <utility>

namespace ringdesk::operator_app {

ChatSession::ChatSession(std::int64_t id, std::string visitorName, std::string page)
    : id_(id), visitorName_(std::move(visitorName)), page_(std::move(page))
{
}

std::string ChatSession::visitorLabel() const
{
    return visitorName_.empty() ? "Visitor " + std::to_string(id_) : visitorName_;
}

void ChatSession::messageArrived(bool tabVisible)
{
    visitorTyping_ = false;
    unread_.arrived(tabVisible);
}

std::string ChatSession::typingNotice() const
{
    return visitorTyping_ ? visitorLabel() + " is typing\u2026" : std::string();
}

std::string ChatSession::tabTitle() const
{
    std::string title = visitorLabel();
    if (ended_)
        title += " (ended)";
    return unread_.mark(title);
}

} // namespace ringdesk::operator_app
