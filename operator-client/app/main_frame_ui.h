#pragma once
// The main window: who is logged in and their status, a banner for connection trouble, the
// rings list beside the colleagues list, and one tab per chat or team conversation. It owns the
// OperatorEngine and reacts to its events on the UI thread (EventPump); every command it gives
// the session is queued there and returns at once, so no socket call runs on the UI thread.
// Events for a tab that was closed meanwhile find no tab and are dropped (a new team message
// opens a new tab).

#include "operator-client/app/colleague_list.h"
#include "operator-client/app/connection_status.h"
#include "operator-client/app/launch_options.h"
#include "operator-client/app/login_config_ui.h"
#include "operator-client/app/presence.h"
#include "operator-client/app/trace_log.h"
#include "operator-client/session/operator_engine.h"

#include <wx/frame.h>
#include <wx/timer.h>

#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <string>

class wxChoice;
class wxInfoBar;
class wxNotebook;
class wxStaticBitmap;
class wxStaticText;

namespace ringdesk::operator_app {

class ChatPanel;
class ColleaguesPanel;
class EventPump;
class RingAlert;
class RingsPanel;
class TeamPanel;
class TrayIcon;

class MainFrame : public wxFrame
{
public:
    /// `config` (owned by the app, outlives the frame) remembers the login details.
    MainFrame(LaunchOptions options, LoginConfig& config);
    ~MainFrame() override;

    /// Starts a new session with `details` (replacing any previous one) and remembers them.
    void logIn(const LoginDetails& details);
    /// Shows the login dialog (with `problem` when not empty) and logs in with what it gives;
    /// when cancelled the window stays, disconnected.
    void promptLogIn(const std::string& problem);

private:
    void buildMenus();
    void drainEvents();
    void handle(const operator_client::Event& event);
    void onLinkEvent(const operator_client::Event& event);
    /// Adds `note` to the transcript of every running chat and every team conversation.
    void noteInOpenTabs(const std::string& note);
    void onRingOffered(const nlchat::Ring& ring);
    void onRingWon(const operator_client::RingWon& won);
    void onMessage(const operator_client::MessageReceived& message);
    void onChatEnded(std::int64_t chatId);
    void onColleagueEvent(const operator_client::Event& event);
    void onTeamMessage(const operator_client::TeamMessageReceived& message);

    /// Runs `command` on the session (it only queues); returns an error to show: "not logged
    /// in" without a session, the session's std::invalid_argument text for bad input.
    std::string queue(const std::function<void(operator_client::OperatorEngine&)>& command);

    ChatPanel* findChat(std::int64_t chatId) const;
    /// The tab of chat `chatId`, opened if there is none yet.
    ChatPanel* chatTab(std::int64_t chatId);
    void updateTabTitle(ChatPanel* panel);
    void closeChatTab(std::int64_t chatId);

    TeamPanel* findTeam(const std::string& colleague) const;
    /// The team tab with `colleague`, opened (not selected) if there is none yet.
    TeamPanel* teamTab(const std::string& colleague);
    /// Opens the team tab with `colleague` if needed and selects it.
    TeamPanel* showTeamTab(const std::string& colleague);
    void updateTabTitle(TeamPanel* panel);
    void closeTeamTab(const std::string& colleague);
    void closeAllTeamTabs();
    void showColleagues();
    /// The operator looks at notebook page `page`: its unread marker goes.
    void pageViewed(wxWindow* page);
    void setPageTitle(wxWindow* page, const std::string& title);
    void showConnection();
    void setPresence(Presence presence);
    void onOpenRingsChanged(bool anyOpen);
    /// Queues a capture of the window as DIR/NN-name.png (--screenshot-dir), taken once the
    /// window has been drawn; traced as "screenshot PATH".
    void screenshot(const std::string& name);
    void takeScreenshot();
    void onClose(wxCloseEvent& event);
    void quit();

    LaunchOptions options_;
    LoginConfig& config_;
    TraceLog trace_;
    LoginDetails details_;
    std::unique_ptr<operator_client::OperatorEngine> session_;
    std::shared_ptr<EventPump> pump_;
    ConnectionStatus connection_;
    Presence presence_ = Presence::Online;

    wxStaticBitmap* statusDot_;
    wxStaticText* who_;
    wxChoice* presenceChoice_;
    wxInfoBar* banner_;
    RingsPanel* rings_;
    ColleaguesPanel* colleaguesPanel_;
    wxNotebook* chats_;
    std::map<std::int64_t, ChatPanel*> chatPanels_;
    std::map<std::string, TeamPanel*> teamPanels_;
    ColleagueList colleagues_;
    std::unique_ptr<RingAlert> alert_;
    std::unique_ptr<TrayIcon> tray_;

    bool acceptedOnce_ = false;           // --auto-accept-ring takes the first ring only
    std::set<std::int64_t> autoReplied_;  // chats --auto-reply has answered
    std::set<std::string> autoRepliedTeam_; // colleagues --auto-reply has answered
    int screenshots_ = 0;
    std::deque<std::string> pendingShots_;
    wxTimer shotTimer_;
    bool quitting_ = false;
};

} // namespace ringdesk::operator_app
