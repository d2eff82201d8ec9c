#include "operator-client/app/unread_count.h"

namespace ringdesk::operator_app {

std::string UnreadCount::mark(const std::string& title) const
{
    if (count_ == 0)
        return title;
    return "\u2022 " + title + " (" + std::to_string(count_) + ")";
}

} // namespace ringdesk::operator_app
