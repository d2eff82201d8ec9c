#pragma once
// One chat as its tab shows it, without wx (ChatPanel in chat_panel_ui.h is the UI half):
// who the visitor is, whether the chat still runs, the visitor's typing state and the unread
// count that marks the tab.

#include "operator-client/app/unread_count.h"

#include "protocol/chat_state.h"

#include <cstdint>
#include <string>

namespace ringdesk::operator_app {

class ChatSession
{
public:
    /// Chat `id` with the visitor's display name and page (either may be empty: a chat handed
    /// back after the app restarted has no ring to take them from).
    ChatSession(std::int64_t id, std::string visitorName, std::string page);

    std::int64_t id() const { return id_; }
    const std::string& page() const { return page_; }
    /// The visitor's name, or "Visitor N" when the ring had none.
    std::string visitorLabel() const;

    /// A visitor message arrived; it counts as unread unless the tab is being looked at.
    void messageArrived(bool tabVisible);
    /// The operator looks at the tab: nothing is unread any more.
    void viewed() { unread_.viewed(); }
    int unread() const { return unread_.count(); }

    /// The visitor's chat_state; "composing" shows "… is typing", anything else hides it.
    void visitorState(const std::string& state) { visitorTyping_ = state == protocol::chat_state::kComposing; }
    bool visitorTyping() const { return visitorTyping_; }
    /// "NAME is typing…" while the visitor types, empty otherwise.
    std::string typingNotice() const;

    void ended() { ended_ = true; visitorTyping_ = false; }
    bool isEnded() const { return ended_; }

    /// The tab's label: "• NAME (3)" with unread messages, "NAME (ended)" once over.
    std::string tabTitle() const;

private:
    std::int64_t id_;
    std::string visitorName_;
    std::string page_;
    UnreadCount unread_;
    bool visitorTyping_ = false;
    bool ended_ = false;
};

} // namespace ringdesk::operator_app
