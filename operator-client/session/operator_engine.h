#pragma once
// The operator session the desktop app runs (ARCHITECTURE.md, "Clients"): one NL chat
// connection (specs/nlchat-protocol.txt) driven on the session's own thread, with login,
// raw-mode encryption, probe answers (spec 2.4), detection of a silent or dropped server,
// automatic reconnection with exponential backoff and a new login, after which the server
// hands back the open chats (repeated messages are dropped by seq).
//
// The owner talks to it in two directions and never blocks on the network:
//  - commands (accept, sendMessage, sendChatState, endChat, setStatus, the colleague and team
//    message commands, disconnect) may be called from any thread; they are queued and carried
//    out on the session thread in call order. While the session is not logged in they wait in
//    the queue and are sent after the next login (a message typed during a reconnect is not
//    lost);
//  - the session reports through a notification queue of Event values (session_events.h),
//    read with pollEvent()/waitEvent() from any thread. An optional callback says "events are
//    available"; a wx application hops to its UI thread from it (CallAfter) and drains the
//    queue there with pollEvent().

#include "operator-client/session/event_queue.h"
#include "operator-client/session/session_events.h"
#include "operator-client/session/session_model.h"
#include "operator-client/session/session_settings.h"
#include "operator-client/session/wakeup_socket.h"

#include <Poco/Logger.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace ringdesk::operator_client {

class OperatorEngine
{
public:
    /// Prepares a session; nothing connects before start(). `eventsAvailable` (may be empty)
    /// is called on the session thread whenever an event lands in an empty queue; it must
    /// return quickly and must not call back into the session except pollEvent().
    /// Throws std::invalid_argument for unusable settings (empty host or user name, port 0,
    /// a timeout <= 0, reconnectMax < reconnectInitial, maxQueuedEvents 0, raw mode with
    /// neither a server key nor an HTTP port).
    explicit OperatorEngine(SessionSettings settings, std::function<void()> eventsAvailable = {});

    /// disconnect(), then waits for the session thread: at most about connectTimeout when a
    /// connection attempt is under way, otherwise a few ms.
    ~OperatorEngine();

    OperatorEngine(const OperatorEngine&) = delete;
    OperatorEngine& operator=(const OperatorEngine&) = delete;

    /// Starts the session thread, which connects and logs in (events Connecting, Connected,
    /// LoggedIn or LoginFailed, or ConnectionLost with a retry delay). Throws std::logic_error
    /// when called twice.
    void start();

    /// Accepts ring `ringId` (spec 2.2, `ringACK`). The answer is RingWon, RingTaken or
    /// RingClosed; a ring that is no longer open gives ErrorReceived (code no_such_chat).
    void accept(std::int64_t ringId);

    /// Sends `text` (UTF-8) to the visitor of chat `chatId` (spec 2.5, `msg` I/O "out").
    /// Throws std::invalid_argument when `text` is empty or longer than
    /// protocol::limits::kMaxMessageTextBytes (4 000 bytes).
    void sendMessage(std::int64_t chatId, std::string text);

    /// Sends this operator's typing state in chat `chatId` (spec 1.1.11, `chat_state` "out"):
    /// "composing" or "paused" (the visitor also understands "active" and "gone").
    /// Throws std::invalid_argument when `state` is empty or longer than 64 bytes.
    void sendChatState(std::int64_t chatId, std::string state);

    /// Ends chat `chatId` (spec 2.6, `disassociate`); ChatEnded follows once it was sent.
    void endChat(std::int64_t chatId);

    /// Sets this operator's status (IMS codes: 0 Online, 1 Away, 2 Busy; docs/protocol.md
    /// `set_status`). The session sends it again after every (re)login. Any thread.
    void setStatus(int statusCode);

    // ---- colleagues and team messages (docs/protocol.md, "IM extensions") ------------------
    // Queued like the commands above. The session itself asks for the roster after every
    // (re)login, so a RosterReceived follows each LoggedIn without calling requestRoster().
    // Every `username` must have 1 to protocol::limits::kMaxUsernameBytes bytes, otherwise
    // std::invalid_argument is thrown and nothing is queued.

    /// Asks for the colleague list again; RosterReceived answers.
    void requestRoster();
    /// Invites `username` to be a colleague (`friend_request`). ColleagueCommandResult{Add}
    /// answers; the invitee's answer comes later as InvitationAnswered.
    void addColleague(std::string username);
    /// Accepts / denies the invitation of `username` (InvitationReceived, or
    /// RosterReceived::invitedBy). ColleagueCommandResult{Accept / Deny} answers; after an
    /// accept a ColleagueStatusChanged for the new colleague follows.
    void acceptColleague(std::string username);
    void denyColleague(std::string username);
    /// Ends the colleagueship with `username`, or withdraws the invitation sent to it.
    /// ColleagueCommandResult{Remove} answers.
    void removeColleague(std::string username);
    /// Sends team message `text` (UTF-8) to user `to`; TeamMessageResult answers (delivered,
    /// stored for the recipient's next login, or no such user). Throws std::invalid_argument
    /// when `text` is empty or longer than protocol::limits::kMaxMessageTextBytes (4 000 bytes).
    void sendTeamMessage(std::string to, std::string text);

    /// Ends the session: sends `disconnect` (spec 2.7) when connected, closes the connection,
    /// reports ConnectionLost without retry and ends the thread. Returns at once; any thread;
    /// idempotent. Commands still queued are dropped. From now on the event queue no longer
    /// holds the session thread back when full (it may then exceed maxQueuedEvents).
    void disconnect();

    /// The oldest event, or std::nullopt when none is queued. Any thread.
    std::optional<Event> pollEvent();
    /// The oldest event, waiting up to `timeout` (ms) for one; std::nullopt on timeout.
    std::optional<Event> waitEvent(std::chrono::milliseconds timeout);

    /// Chats this operator holds now, by id (a snapshot; any thread).
    std::vector<ChatInfo> openChats() const;
    /// Rings offered and not yet won, taken or closed, by id (a snapshot; any thread).
    std::vector<nlchat::Ring> pendingRings() const;
    /// This client's UUID (spec 1.1.6), the same across reconnects.
    const std::string& uuid() const noexcept { return settings_.uuid; }

private:
    /// How one connection ended.
    struct Outcome
    {
        std::string reason;
        bool retry = true;
    };

    /// Fills settings_.encryption from settings_.rawMode when needed; the outcome of the
    /// attempt when that failed (a key that cannot be fetched is retried, an unusable one not).
    std::optional<Outcome> prepareRawMode();
    void enqueue(Command command);
    void run();
    /// Runs one open connection until it ends; throws ConnectionError / ProtocolError when
    /// the link fails. Sets `loggedIn` once the server accepted the login.
    Outcome serve(NlchatClient& connection, bool& loggedIn);
    /// Handles every packet already received (never waits), moving `lastHeard` to now when
    /// there was one; returns an outcome when the session must stop.
    std::optional<Outcome> readAvailable(NlchatClient& connection,
                                         std::chrono::steady_clock::time_point& lastHeard, bool& loggedIn);
    void sendQueuedCommands(NlchatClient& connection);
    /// Waits `delay` or until disconnect(); false when stopping.
    bool pause(std::chrono::milliseconds delay);
    void emit(std::vector<Event> events);
    void emit(Event event);
    SessionModel::Phase phase() const;

    SessionSettings settings_;
    Poco::Logger& logger_;
    EventQueue events_;
    WakeupSocket wakeup_;

    mutable std::mutex modelMutex_; // guards model_: the session thread writes, any thread reads
    SessionModel model_;

    std::mutex commandMutex_; // guards commands_
    std::deque<Command> commands_;

    std::atomic<bool> stopping_{false};
    std::atomic<int> status_{0}; // the status to restore after a (re)login
    std::thread thread_;
};

} // namespace ringdesk::operator_client
