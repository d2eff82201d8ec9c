#include "operator-client/app/main_frame_ui.h"

#include "operator-client/app/chat_panel_ui.h"
#include "operator-client/app/colleagues_panel_ui.h"
#include "operator-client/app/event_pump_ui.h"
#include "operator-client/app/login_dialog_ui.h"
#include "operator-client/app/ring_alert_ui.h"
#include "operator-client/app/rings_panel_ui.h"
#include "operator-client/app/status_icon_ui.h"
#include "operator-client/app/team_panel_ui.h"
#include "operator-client/app/tray_icon_ui.h"
#include "operator-client/app/window_capture_ui.h"

#include <wx/choice.h>
#include <wx/filename.h>
#include <wx/icon.h>
#include <wx/infobar.h>
#include <wx/menu.h>
#include <wx/notebook.h>
#include <wx/sizer.h>
#include <wx/splitter.h>
#include <wx/statbmp.h>
#include <wx/stattext.h>

#include <stdexcept>
#include <utility>
#include <variant>

namespace ringdesk::operator_app {

using namespace operator_client;

namespace {

wxString utf8(const std::string& text)
{
    return wxString::FromUTF8(text);
}

template <class... Handlers>
struct Overloaded : Handlers...
{
    using Handlers::operator()...;
};
// Spelled out for clang, which does not deduce aggregate templates (C++20 P1816) before version 17.
template <class... Handlers>
Overloaded(Handlers...) -> Overloaded<Handlers...>;

} // namespace

MainFrame::MainFrame(LaunchOptions options, LoginConfig& config)
    : wxFrame(nullptr, wxID_ANY, "Ringdesk", wxDefaultPosition, wxSize(1000, 680)),
      options_(std::move(options)), config_(config), trace_(options_.trace)
{
    wxIcon icon;
    icon.CopyFromBitmap(makeStatusBitmap(Presence::Online, true));
    SetIcon(icon);
    buildMenus();
    CreateStatusBar();

    auto* root = new wxPanel(this);
    statusDot_ = new wxStaticBitmap(root, wxID_ANY, makeStatusBitmap(presence_, false, 14));
    who_ = new wxStaticText(root, wxID_ANY, "Not logged in");
    who_->SetFont(who_->GetFont().Bold());
    presenceChoice_ = new wxChoice(root, wxID_ANY);
    for (Presence presence : kPresences)
        presenceChoice_->Append(utf8(presenceLabel(presence)));
    presenceChoice_->SetSelection(0);
    presenceChoice_->SetToolTip("Online: you are rung for new visitors. Away, Busy: you are not rung.");
    banner_ = new wxInfoBar(root);

    auto* split = new wxSplitterWindow(root, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxSP_LIVE_UPDATE);
    auto* top = new wxSplitterWindow(split, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxSP_LIVE_UPDATE);
    rings_ = new RingsPanel(
        top,
        [this](std::int64_t id) {
            if (session_)
                session_->accept(id);
        },
        [this](bool anyOpen) { onOpenRingsChanged(anyOpen); });
    colleaguesPanel_ = new ColleaguesPanel(
        top, ColleaguesPanel::Actions{
                 [this](const std::string& name) {
                     return queue([&name](OperatorEngine& session) { session.addColleague(name); });
                 },
                 [this](const std::string& name) {
                     queue([&name](OperatorEngine& session) { session.acceptColleague(name); });
                 },
                 [this](const std::string& name) {
                     queue([&name](OperatorEngine& session) { session.denyColleague(name); });
                 },
                 [this](const std::string& name) {
                     queue([&name](OperatorEngine& session) { session.removeColleague(name); });
                 },
                 [this](const std::string& name) { showTeamTab(name); },
             });
    top->SetMinimumPaneSize(200);
    top->SetSashGravity(1.0); // the rings list takes what the window gains
    top->SplitVertically(rings_, colleaguesPanel_, -310);
    chats_ = new wxNotebook(split, wxID_ANY);
    split->SetMinimumPaneSize(90);
    split->SplitHorizontally(top, chats_, 215);

    auto* bar = new wxBoxSizer(wxHORIZONTAL);
    bar->Add(statusDot_, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 6);
    bar->Add(who_, 1, wxALIGN_CENTER_VERTICAL);
    bar->Add(new wxStaticText(root, wxID_ANY, "Status:"), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 4);
    bar->Add(presenceChoice_, 0, wxALIGN_CENTER_VERTICAL);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(bar, 0, wxEXPAND | wxALL, 6);
    sizer->Add(banner_, 0, wxEXPAND);
    sizer->Add(split, 1, wxEXPAND);
    root->SetSizer(sizer);

    alert_ = std::make_unique<RingAlert>(this);
    if (TrayIcon::available()) {
        tray_ = std::make_unique<TrayIcon>(TrayIcon::Actions{
            [this] {
                Show();
                Raise();
            },
            [this](Presence presence) { setPresence(presence); },
            [this] { quit(); }});
    }

    presenceChoice_->Bind(wxEVT_CHOICE, [this](wxCommandEvent& event) {
        setPresence(kPresences.at(static_cast<std::size_t>(event.GetSelection())));
    });
    chats_->Bind(wxEVT_NOTEBOOK_PAGE_CHANGED, [this](wxBookCtrlEvent& event) {
        if (event.GetSelection() != wxNOT_FOUND)
            pageViewed(chats_->GetPage(static_cast<size_t>(event.GetSelection())));
        event.Skip();
    });
    Bind(wxEVT_CLOSE_WINDOW, &MainFrame::onClose, this);
    shotTimer_.SetOwner(this, wxID_ANY);
    Bind(wxEVT_TIMER, [this](wxTimerEvent&) { takeScreenshot(); }, shotTimer_.GetId());
    showConnection();
}

MainFrame::~MainFrame()
{
    if (pump_)
        pump_->cancel();
    // Joins the session thread: it has been asked to disconnect and ends within a few ms.
    session_.reset();
    if (tray_)
        tray_->RemoveIcon();
}

void MainFrame::buildMenus()
{
    auto* file = new wxMenu;
    const wxMenuItem* logIn = file->Append(wxID_ANY, wxString::FromUTF8("&Log in again\u2026\tCtrl+L"));
    file->AppendSeparator();
    file->Append(wxID_EXIT, "&Quit\tCtrl+Q");
    auto* status = new wxMenu;
    for (Presence presence : kPresences) {
        const wxMenuItem* item = status->AppendRadioItem(wxID_ANY, utf8(presenceLabel(presence)));
        Bind(wxEVT_MENU, [this, presence](wxCommandEvent&) { setPresence(presence); }, item->GetId());
    }
    auto* menus = new wxMenuBar;
    menus->Append(file, "&File");
    menus->Append(status, "&Status");
    SetMenuBar(menus);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { promptLogIn({}); }, logIn->GetId());
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { quit(); }, wxID_EXIT);
}

void MainFrame::logIn(const LoginDetails& details)
{
    if (details.user != details_.user)
        closeAllTeamTabs(); // another account: those conversations are not its own
    colleagues_.clear();
    showColleagues();
    details_ = details;
    config_.save(details);
    if (pump_)
        pump_->cancel();
    session_.reset();
    connection_ = ConnectionStatus();

    pump_ = EventPump::create(this, [this] { drainEvents(); });
    try {
        session_ = std::make_unique<OperatorEngine>(sessionSettingsFor(details), pump_->notifier());
    } catch (const std::invalid_argument& error) {
        CallAfter([this, why = std::string(error.what())] { promptLogIn(why); });
        return;
    }
    session_->start();
    if (presence_ != Presence::Online)
        session_->setStatus(static_cast<int>(presence_));
    showConnection();
}

void MainFrame::promptLogIn(const std::string& problem)
{
    LoginDetails initial = details_.user.empty() ? config_.load() : details_;
    LoginDialog dialog(this, initial, problem);
    if (dialog.ShowModal() == wxID_OK)
        logIn(dialog.details());
}

void MainFrame::drainEvents()
{
    // Runs on the UI thread (EventPump); pollEvent never waits.
    while (session_) {
        std::optional<Event> event = session_->pollEvent();
        if (!event)
            break;
        handle(*event);
    }
}

void MainFrame::handle(const Event& event)
{
    std::visit(Overloaded{
                   [this](const RingOffered& offered) { onRingOffered(offered.ring); },
                   [this](const RingWon& won) { onRingWon(won); },
                   [this](const RingTaken& taken) {
                       rings_->taken(taken.id, taken.byName);
                       trace_.write("ring-taken " + std::to_string(taken.id) + " " + taken.byName);
                   },
                   [this](const RingClosed& closed) { rings_->closed(closed.id); },
                   [this](const MessageReceived& message) { onMessage(message); },
                   [this](const ChatStateChanged& state) {
                       if (ChatPanel* panel = findChat(state.chatId))
                           panel->showVisitorState(state.state);
                   },
                   [this](const ChatEnded& ended) { onChatEnded(ended.chatId); },
                   [this](const TeamMessageReceived& message) { onTeamMessage(message); },
                   [this](const TeamMessageResult& result) {
                       // A tab closed meanwhile finds nothing: the result is dropped.
                       if (TeamPanel* panel = findTeam(result.to))
                           panel->showDelivery(result.delivery);
                       trace_.write("team-result " + result.to + " " +
                                    std::to_string(static_cast<int>(result.delivery)));
                   },
                   [this, &event](const RosterReceived&) { onColleagueEvent(event); },
                   [this, &event](const ColleagueStatusChanged&) { onColleagueEvent(event); },
                   [this, &event](const InvitationReceived&) { onColleagueEvent(event); },
                   [this, &event](const InvitationAnswered&) { onColleagueEvent(event); },
                   [this, &event](const ColleagueRemoved&) { onColleagueEvent(event); },
                   [this, &event](const ColleagueCommandResult&) { onColleagueEvent(event); },
                   [this](const ErrorReceived& error) {
                       SetStatusText(utf8("Server error: " + error.code + " " + error.message));
                       trace_.write("error " + error.code + " " + error.message);
                   },
                   [this, &event](const auto&) { onLinkEvent(event); },
               },
               event);
}

void MainFrame::onLinkEvent(const Event& event)
{
    if (colleagues_.apply(event)) // a lost link makes the colleagues' statuses unknown
        showColleagues();
    const bool wasOnline = connection_.link() == ConnectionStatus::Link::Online;
    const bool wasReconnecting = connection_.link() == ConnectionStatus::Link::Reconnecting;
    if (!connection_.apply(event))
        return;
    showConnection();
    if (const auto* loggedIn = std::get_if<LoggedIn>(&event)) {
        trace_.write("logged-in " + loggedIn->username);
        if (wasReconnecting)
            noteInOpenTabs("reconnected");
    } else if (const auto* lost = std::get_if<ConnectionLost>(&event)) {
        trace_.write("connection-lost " + lost->reason);
        if (wasOnline && lost->retryIn)
            noteInOpenTabs("connection lost \u2014 reconnecting; messages you send are kept");
        if (!lost->retryIn && !connection_.refusal().empty() && !quitting_ && !options_.autoLogin)
            CallAfter([this] { promptLogIn(connection_.refusal()); });
    }
}

void MainFrame::noteInOpenTabs(const std::string& note)
{
    for (auto& [id, panel] : chatPanels_)
        if (!panel->session().isEnded())
            panel->showNote(note);
    for (auto& [name, panel] : teamPanels_)
        panel->showNote(note);
}

void MainFrame::onRingOffered(const nlchat::Ring& ring)
{
    rings_->offered(ring);
    trace_.write("ring-shown " + std::to_string(ring.id) + " " + ring.name + ": " + ring.text);
    if (presenceAlertsRings(presence_)) {
        const std::string name = ring.name.empty() ? "A visitor" : ring.name;
        alert_->ring(name + " is waiting", ring.text.empty() ? ring.page : ring.text);
    }
    screenshot("ring");
    if (options_.autoAcceptRing && !acceptedOnce_) {
        acceptedOnce_ = true;
        // Through the list's own Accept path, after the ring has been drawn.
        CallAfter([this, id = ring.id] { rings_->acceptRing(id); });
    }
}

void MainFrame::onRingWon(const RingWon& won)
{
    rings_->won(won.id);
    const bool existed = findChat(won.id) != nullptr;
    ChatPanel* panel = chatTab(won.id);
    panel->showNote(won.resumed ? (existed ? "chat resumed" : "chat handed back after a restart")
                                : "you have this chat");
    chats_->SetSelection(static_cast<size_t>(chats_->FindPage(panel)));
    trace_.write(std::string(won.resumed ? "chat-resumed " : "ring-won ") + std::to_string(won.id));
    screenshot("chat-opened");
}

void MainFrame::onMessage(const MessageReceived& message)
{
    ChatPanel* panel = chatTab(message.chatId);
    panel->showVisitorMessage(message.ts, message.text);
    const bool visible = IsShown() && !IsIconized() && chats_->GetCurrentPage() == panel;
    panel->session().messageArrived(visible);
    updateTabTitle(panel);
    if (!visible)
        RequestUserAttention(wxUSER_ATTENTION_INFO);
    trace_.write("message-shown " + std::to_string(message.chatId) + " " + message.text);
    if (!options_.autoReply.empty() && autoReplied_.insert(message.chatId).second) {
        CallAfter([this, id = message.chatId] {
            if (ChatPanel* tab = findChat(id))
                tab->submitText(options_.autoReply);
        });
    }
    screenshot("message");
}

void MainFrame::onChatEnded(std::int64_t chatId)
{
    if (ChatPanel* panel = findChat(chatId)) {
        panel->showNote("chat ended");
        panel->markEnded();
        updateTabTitle(panel);
    }
    trace_.write("chat-ended " + std::to_string(chatId));
}

ChatPanel* MainFrame::findChat(std::int64_t chatId) const
{
    const auto it = chatPanels_.find(chatId);
    return it == chatPanels_.end() ? nullptr : it->second;
}

ChatPanel* MainFrame::chatTab(std::int64_t chatId)
{
    if (ChatPanel* panel = findChat(chatId))
        return panel;
    std::string name;
    std::string page;
    if (const nlchat::Ring* ring = rings_->ring(chatId)) {
        name = ring->name;
        page = ring->page;
    } else if (session_) {
        for (const ChatInfo& chat : session_->openChats())
            if (chat.id == chatId) {
                name = chat.visitorName;
                page = chat.page;
            }
    }
    ChatPanel::Actions actions{
        [this, chatId](const std::string& text) {
            const std::string error =
                queue([chatId, &text](OperatorEngine& session) { session.sendMessage(chatId, text); });
            if (error.empty())
                trace_.write("message-sent " + std::to_string(chatId) + " " + text);
            return error;
        },
        [this, chatId](const std::string& state) {
            if (session_)
                session_->sendChatState(chatId, state);
        },
        [this, chatId] {
            if (session_)
                session_->endChat(chatId);
        },
        [this, chatId] { CallAfter([this, chatId] { closeChatTab(chatId); }); },
    };
    auto* panel = new ChatPanel(chats_, ChatSession(chatId, name, page), std::move(actions));
    chatPanels_[chatId] = panel;
    chats_->AddPage(panel, utf8(panel->session().tabTitle()));
    trace_.write("chat-opened " + std::to_string(chatId));
    return panel;
}

void MainFrame::updateTabTitle(ChatPanel* panel)
{
    setPageTitle(panel, panel->session().tabTitle());
}

void MainFrame::setPageTitle(wxWindow* page, const std::string& title)
{
    const int index = chats_->FindPage(page);
    if (index != wxNOT_FOUND)
        chats_->SetPageText(static_cast<size_t>(index), utf8(title));
}

void MainFrame::pageViewed(wxWindow* page)
{
    if (auto* chat = dynamic_cast<ChatPanel*>(page)) {
        chat->session().viewed();
        updateTabTitle(chat);
    } else if (auto* team = dynamic_cast<TeamPanel*>(page)) {
        team->conversation().viewed();
        updateTabTitle(team);
    }
}

std::string MainFrame::queue(const std::function<void(OperatorEngine&)>& command)
{
    if (!session_)
        return "not logged in";
    try {
        command(*session_);
    } catch (const std::invalid_argument& error) {
        return error.what();
    }
    return {};
}

void MainFrame::onColleagueEvent(const Event& event)
{
    std::string news; // for the status bar
    if (const auto* invitation = std::get_if<InvitationReceived>(&event)) {
        news = invitation->from + " invites you to be colleagues: Accept or Deny in the Colleagues list.";
        if (!IsShown() || IsIconized())
            alert_->notify("Colleague invitation", news);
        trace_.write("invitation-received " + invitation->from);
    } else if (const auto* answer = std::get_if<InvitationAnswered>(&event)) {
        news = describeInvitationAnswer(*answer);
        trace_.write("invitation-answered " + answer->username + (answer->accepted ? " accepted" : " denied"));
    } else if (const auto* removed = std::get_if<ColleagueRemoved>(&event)) {
        // Asked before the list forgets whether it was a colleague or an invitation.
        news = colleagues_.statusOf(removed->username) ? removed->username + " removed you from their colleagues."
                                                       : removed->username + " withdrew the invitation.";
        trace_.write("colleague-removed " + removed->username);
    } else if (const auto* result = std::get_if<ColleagueCommandResult>(&event)) {
        news = describeColleagueResult(*result);
        trace_.write("colleague-result " + result->username + (result->done ? " done" : " refused"));
    }
    if (colleagues_.apply(event))
        showColleagues();
    if (!news.empty())
        SetStatusText(utf8(news));

    if (const auto* roster = std::get_if<RosterReceived>(&event)) {
        for (auto& [name, panel] : teamPanels_)
            panel->showStatus(colleagues_.statusOf(name).value_or(-1));
        trace_.write("roster " + std::to_string(roster->colleagues.size()) + " colleagues, " +
                     std::to_string(roster->invitedBy.size()) + " invitations");
    } else if (const auto* change = std::get_if<ColleagueStatusChanged>(&event)) {
        if (TeamPanel* panel = findTeam(change->username))
            panel->showStatus(change->status);
        trace_.write("colleague-status " + change->username + " " + colleagueStatusText(change->status));
    }
}

void MainFrame::onTeamMessage(const TeamMessageReceived& message)
{
    TeamPanel* panel = teamTab(message.from);
    panel->showMessage(message);
    const bool visible = IsShown() && !IsIconized() && chats_->GetCurrentPage() == panel;
    panel->conversation().messageArrived(visible);
    updateTabTitle(panel);
    if (!visible && presence_ != Presence::Busy) // Busy: the tab's marker only
        alert_->notify("Team message from " + message.from, message.text);
    trace_.write("team-message-shown " + message.from + (message.offline ? " (offline) " : " ") + message.text);
    // Automation answers a colleague's first message that did not wait on the server, like an
    // operator who opens the tab and replies.
    if (!options_.autoReply.empty() && !message.offline && autoRepliedTeam_.insert(message.from).second) {
        CallAfter([this, from = message.from] {
            if (findTeam(from) != nullptr)
                showTeamTab(from)->submitText(options_.autoReply);
            screenshot("team-reply");
        });
    }
    screenshot("team-msg");
}

TeamPanel* MainFrame::findTeam(const std::string& colleague) const
{
    const auto it = teamPanels_.find(colleague);
    return it == teamPanels_.end() ? nullptr : it->second;
}

TeamPanel* MainFrame::teamTab(const std::string& colleague)
{
    if (TeamPanel* panel = findTeam(colleague))
        return panel;
    TeamPanel::Actions actions{
        [this, colleague](const std::string& text) {
            const std::string error =
                queue([&colleague, &text](OperatorEngine& session) { session.sendTeamMessage(colleague, text); });
            if (error.empty())
                trace_.write("team-message-sent " + colleague + " " + text);
            return error;
        },
        [this, colleague] { CallAfter([this, colleague] { closeTeamTab(colleague); }); },
    };
    auto* panel = new TeamPanel(chats_, TeamConversation(colleague), colleagues_.statusOf(colleague).value_or(-1),
                                std::move(actions));
    teamPanels_[colleague] = panel;
    chats_->AddPage(panel, utf8(panel->conversation().tabTitle()));
    trace_.write("team-opened " + colleague);
    return panel;
}

TeamPanel* MainFrame::showTeamTab(const std::string& colleague)
{
    TeamPanel* panel = teamTab(colleague);
    chats_->SetSelection(static_cast<size_t>(chats_->FindPage(panel)));
    pageViewed(panel);
    return panel;
}

void MainFrame::updateTabTitle(TeamPanel* panel)
{
    setPageTitle(panel, panel->conversation().tabTitle());
}

void MainFrame::closeTeamTab(const std::string& colleague)
{
    TeamPanel* panel = findTeam(colleague);
    if (panel == nullptr)
        return;
    teamPanels_.erase(colleague);
    chats_->DeletePage(static_cast<size_t>(chats_->FindPage(panel)));
}

void MainFrame::closeAllTeamTabs()
{
    while (!teamPanels_.empty())
        closeTeamTab(teamPanels_.begin()->first);
}

void MainFrame::showColleagues()
{
    colleaguesPanel_->show(colleagues_.rows());
}

void MainFrame::closeChatTab(std::int64_t chatId)
{
    ChatPanel* panel = findChat(chatId);
    if (panel == nullptr)
        return;
    chatPanels_.erase(chatId);
    chats_->DeletePage(static_cast<size_t>(chats_->FindPage(panel)));
}

void MainFrame::showConnection()
{
    const bool online = connection_.link() == ConnectionStatus::Link::Online;
    statusDot_->SetBitmap(makeStatusBitmap(presence_, online, 14));
    who_->SetLabel(utf8(session_ ? connection_.statusText() : std::string("Not logged in")));
    SetStatusText(utf8(session_ ? connection_.statusText() : std::string("Not logged in")));
    if (connection_.troubled())
        banner_->ShowMessage(utf8(connection_.bannerText()), wxICON_WARNING);
    else if (banner_->IsShown())
        banner_->Dismiss();
    if (tray_)
        tray_->update(presence_, online, "Ringdesk \u2014 " + presenceLabel(presence_) + "\n" + connection_.statusText());
    Layout();
}

void MainFrame::setPresence(Presence presence)
{
    presence_ = presence;
    if (session_)
        session_->setStatus(static_cast<int>(presence));
    presenceChoice_->SetSelection(static_cast<int>(presence));
    for (wxMenuItem* item : GetMenuBar()->GetMenu(1)->GetMenuItems())
        item->Check(item->GetItemLabelText().utf8_string() == presenceLabel(presence));
    if (!presenceAlertsRings(presence))
        alert_->stop();
    trace_.write("presence " + presenceLabel(presence));
    showConnection();
}

void MainFrame::onOpenRingsChanged(bool anyOpen)
{
    if (!anyOpen)
        alert_->stop();
}

void MainFrame::screenshot(const std::string& name)
{
    if (options_.screenshotDir.empty())
        return;
    ++screenshots_;
    const std::string file = (screenshots_ < 10 ? "0" : "") + std::to_string(screenshots_) + "-" + name + ".png";
    pendingShots_.push_back(wxFileName(utf8(options_.screenshotDir), utf8(file)).GetFullPath().utf8_string());
    if (!shotTimer_.IsRunning())
        shotTimer_.StartOnce(kScreenshotSettleMs);
}

void MainFrame::takeScreenshot()
{
    if (pendingShots_.empty())
        return;
    const std::string path = pendingShots_.front();
    pendingShots_.pop_front();
    trace_.write(saveWindowPng(this, path) ? "screenshot " + path : "screenshot-failed " + path);
    if (!pendingShots_.empty())
        shotTimer_.StartOnce(kScreenshotSettleMs);
}

void MainFrame::onClose(wxCloseEvent& event)
{
    if (tray_ && event.CanVeto() && !quitting_) {
        // The app stays in the tray: rings still arrive and alert.
        Hide();
        event.Veto();
        return;
    }
    quit();
}

void MainFrame::quit()
{
    quitting_ = true;
    if (session_)
        session_->disconnect();
    if (tray_)
        tray_->RemoveIcon();
    Destroy();
}

} // namespace ringdesk::operator_app
