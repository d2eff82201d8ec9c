#pragma once
// The unread marker of a tab (a visitor chat or a team conversation): how many messages arrived
// while the tab was not looked at, and the tab title that shows them ("• NAME (3)").

#include <string>

namespace ringdesk::operator_app {

class UnreadCount
{
public:
    /// A message arrived; it counts as unread unless its tab is being looked at.
    void arrived(bool tabVisible)
    {
        if (!tabVisible)
            ++count_;
    }
    /// The operator looks at the tab: nothing is unread any more.
    void viewed() { count_ = 0; }
    int count() const { return count_; }

    /// `title` as the tab shows it: "• TITLE (N)" with N unread messages, `title` otherwise.
    std::string mark(const std::string& title) const;

private:
    int count_ = 0;
};

} // namespace ringdesk::operator_app
