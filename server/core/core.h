#pragma once
// The chat core (ARCHITECTURE.md, "single-writer core"): all live state — operator sessions,
// visitor sessions, rings, associations, presence timers — and every rule of the ring flow.
// Every public function is an event handler run on the dispatcher thread only; none blocks on
// a socket, none takes a lock. Time comes from the injected Clock; tests drive handlers and
// tick() directly (tests/core/).

#include "server/core/clock.h"
#include "server/core/connection_sink.h"
#include "server/core/conversation_store.h"
#include "server/core/core_settings.h"
#include "server/core/user_ban_check.h"
#include "server/core/visitor_ban.h"

#include "protocol/user_status.h"

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

namespace ringdesk::core {

class ImSessionManager;

/// An operator account as verified by the front-end (the password check runs off the core).
struct OperatorIdentity
{
    std::string username;
    std::string displayName;
};

/// User status numbers (protocol/user_status.h); only Online operators are rung.
namespace status_code = protocol::user_status;

/// A row of the live view (admin `sessions`, metrics).
struct OperatorSessionInfo
{
    ConnectionId connection = 0;
    std::string uuid;
    std::string username;
    int status = status_code::kOnline;
    std::size_t openChats = 0;
    std::string address;     // the peer as the front-end reported it ("host:port"), may be empty
    std::int64_t since = 0;  // connected at, ms since the epoch
};

/// A row of the live view of visitor connections (admin `sessions --visitors`).
struct VisitorSessionInfo
{
    ConnectionId connection = 0;
    std::string visitorId;        // empty until hello
    std::string name;
    std::string address;          // IP address, without port
    std::int64_t since = 0;       // connected at, ms since the epoch
    std::int64_t conversation = 0; // its live conversation, 0 when none
    bool banned = false;          // refused by a visitor ban
};

/// A row of the live view of conversations (admin `rings`, metrics).
struct ConversationInfo
{
    std::int64_t id = 0;
    std::string visitorId;
    ConversationState state = ConversationState::Ringing;
    std::string operatorUsername;
    std::size_t operatorsRung = 0;
    std::string visitorName;
    std::string page;
    std::string visitorAddress; // of a connected visitor socket; empty when none is connected
    std::int64_t since = 0;     // in this state since, ms since the epoch
};

class Core
{
public:
    Core(CoreSettings settings, const Clock& clock, ConnectionSink& sink, ConversationStore& store);

    /// At start: every conversation left open by an earlier run waits one grace period for its
    /// operator to log in again, then is rung again.
    void restoreOpenConversations();

    // ---- operator endpoint (specs/nlchat-protocol.txt) --------------------------------------
    /// A new operator connection from `address` (shown in the live view): greets it with
    /// server_online (1.1.12).
    void operatorConnected(ConnectionId connection, const std::string& address = {});
    /// A decoded plain packet from an operator (after RSA decryption, if any). Login requests
    /// are not passed here: the front-end verifies the password and calls operatorLoggedIn.
    void operatorPacket(ConnectionId connection, const nlchat::Packet& packet);
    /// The front-end verified the credentials of a `login` request (docs/protocol.md).
    void operatorLoggedIn(ConnectionId connection, const OperatorIdentity& identity);
    /// The front-end refused a `login` request (wrong credentials or banned).
    void operatorLoginRefused(ConnectionId connection, nlchat::LoginResult result);
    /// Sets the operator's status (status_code); Away and Busy operators are not rung.
    void operatorStatusChanged(ConnectionId connection, int statusCode);
    /// The operator's socket is gone (closed, reset, or dropped by the front-end).
    void operatorClosed(ConnectionId connection);

    // ---- visitor endpoint (docs/visitor-api.md) ---------------------------------------------
    void visitorConnected(ConnectionId connection, const std::string& address);
    void visitorMessage(ConnectionId connection, const visitor::ClientMessage& message);
    void visitorClosed(ConnectionId connection);

    // ---- IM (server/core/im_session_manager.h) ----------------------------------------------------
    /// Connects the IM unit: operator logins, closes and IM extension packets are forwarded to
    /// it, its status changes reach operatorStatusChanged, and tick() runs its timers. `im`
    /// must outlive the core. Without it the core runs the ring flow alone (tests).
    void attachIm(ImSessionManager& im);
    /// The attached IM unit; throws std::logic_error when none is attached.
    ImSessionManager& im();
    const ImSessionManager& im() const;

    // ---- configuration reload ---------------------------------------------------------------
    /// New rules from a configuration reload (SIGHUP, docs/deployment.md): they govern the
    /// rings, probes, grace periods and chat limits decided from now on; deadlines already set
    /// keep their time. allowAnonymousOperators is not changed (it needs a restart).
    void updateSettings(const CoreSettings& settings);

    // ---- administration ---------------------------------------------------------------------
    /// Ends every session of `username` on both protocols (docs/ims.md, "Forced logout"):
    /// each operator connection gets {"type":"logout","reason":reason}, its chats go back to the
    /// queue at once and it is closed; each IMS connection gets <LOGOUT user=".." result="1"/>
    /// [Server->Client: LOGOUT] and is closed. Returns how many connections were ended (0 when
    /// the user is not logged in). The caller refuses new logins (e.g. with a ban) itself.
    std::size_t forceLogout(const std::string& username, const std::string& reason);

    /// Connects the visitor bans (docs/admin.md, "Bans"): a banned visitor's hello is answered
    /// with state `unavailable`, its messages get error `unavailable` and nobody is rung. The
    /// list is read at hello, when a visitor starts a conversation, and by enforceVisitorBans.
    /// `bans` must outlive the core; without it no visitor is banned (tests).
    void attachVisitorBans(VisitorBanList& bans);
    /// Applies the active visitor bans to the connected visitors at once: a newly banned
    /// visitor's live conversation ends (a ring is withdrawn, an operator gets `disassociate`)
    /// and it gets state `unavailable`; a visitor whose ban was lifted gets state `idle` and may
    /// chat again. Returns how many connections were newly refused.
    std::size_t enforceVisitorBans();

    /// Connects the user ban check: a verified login (operatorLoggedIn, and the IM unit's
    /// imsLoggedIn) of a user banned by now is refused with result 2 (banned) instead.
    /// `bans` must outlive the core; without it logins are taken as verified (tests).
    void attachUserBans(UserBanCheck& bans);

    // ---- timers -----------------------------------------------------------------------------
    /// Runs every timer that is due: probes (spec 2.4), probe drops, login deadlines, ring
    /// timeouts, grace periods. Call at least every 100 ms; extra calls are harmless.
    void tick();

    // ---- live view --------------------------------------------------------------------------
    std::vector<OperatorSessionInfo> operatorSessions() const;
    std::vector<ConversationInfo> liveConversations() const;
    std::size_t visitorConnectionCount() const { return visitors_.size(); }
    std::vector<VisitorSessionInfo> visitorSessions() const;

private:
    struct OperatorSession
    {
        std::string uuid;
        std::optional<OperatorIdentity> identity;
        int status = status_code::kOnline;
        TimePoint connected;
        TimePoint lastHeard;
        std::optional<TimePoint> probeSentAt;
        std::set<std::int64_t> chats;
        std::string address;
        std::int64_t connectedAt = 0; // ms since the epoch
    };

    struct VisitorSession
    {
        std::string visitorId; // empty until hello
        std::string name;
        std::string page;
        std::string address;
        std::int64_t connectedAt = 0; // ms since the epoch
        bool banned = false;          // refused by a visitor ban (docs/admin.md)
    };

    struct LiveConversation
    {
        ConversationRecord record;
        std::optional<ConnectionId> operatorConnection;
        std::set<ConnectionId> visitorConnections;
        std::set<ConnectionId> rung;
        TimePoint deadline; // ring timeout while Ringing, grace end while Waiting
        std::vector<TranscriptLine> transcript;
        std::int64_t sentToOperator = 0; // highest seq written to the operator connection
        std::int64_t probeMark = 0;      // sentToOperator when the last probe went out
        std::int64_t confirmed = 0;      // highest seq the operator has certainly read
        std::int64_t stateSince = 0;     // ms since the epoch (live view)
    };

    // operator handlers (operator_handlers.cpp)
    void onKey(ConnectionId connection, OperatorSession& session, const nlchat::Key& packet);
    void onRingAck(ConnectionId connection, OperatorSession& session, const nlchat::RingAck& packet);
    void onOperatorMsg(ConnectionId connection, OperatorSession& session, const nlchat::Msg& packet);
    void onOperatorChatState(ConnectionId connection, OperatorSession& session,
                             const nlchat::ChatState& packet);
    void onProbeAck(OperatorSession& session);
    void onDisassociate(ConnectionId connection, OperatorSession& session,
                        const nlchat::Disassociate& packet);
    void onDisconnect(ConnectionId connection);
    void sendError(ConnectionId connection, const char* code, const std::string& message,
                   const char* ref);
    /// The conversation an operator packet names: `id`, or its only chat when id is 0.
    LiveConversation* operatorChat(ConnectionId connection, OperatorSession& session,
                                   std::int64_t id, const char* ref);

    // visitor handlers (visitor_handlers.cpp)
    void onHello(ConnectionId connection, VisitorSession& session, const visitor::Hello& hello);
    void onVisitorMsg(ConnectionId connection, VisitorSession& session, const visitor::SendMsg& msg);
    void onVisitorChatState(VisitorSession& session, const visitor::SendChatState& state);
    void onLeaveMessage(ConnectionId connection, VisitorSession& session,
                        const visitor::LeaveMessage& form);
    void onVisitorClose(VisitorSession& session);
    void sendVisitorError(ConnectionId connection, const char* code, const std::string& message);

    // visitor bans (visitor_bans.cpp)
    /// Re-reads the bans and records in `session.banned` whether one covers it.
    bool checkVisitorBan(VisitorSession& session);
    /// Ends the visitor's live conversation (if any) and tells it chat is unavailable.
    void refuseVisitor(ConnectionId connection, VisitorSession& session);

    // ring rules (ring_rules.cpp)
    bool ringable(const OperatorSession& session) const;
    /// Rings every ringable operator not yet rung for the conversation; returns how many.
    std::size_t ringOperators(LiveConversation& conversation);
    /// Rings `connection` for every open ring it has not seen (after login, status, freed slot).
    void offerOpenRings(ConnectionId connection);
    void startRing(LiveConversation& conversation);
    void associate(LiveConversation& conversation, ConnectionId winner);
    void ringTimedOut(LiveConversation& conversation);

    // conversation lifecycle (conversations.cpp)
    LiveConversation& openConversation(VisitorSession& session);
    TranscriptLine appendMessage(LiveConversation& conversation, bool fromOperator, const std::string& text);
    void deliverToOperator(LiveConversation& conversation, const TranscriptLine& message);
    void deliverToVisitors(const LiveConversation& conversation, const visitor::ServerMessage& message);
    void setState(LiveConversation& conversation, ConversationState state);
    void endConversation(std::int64_t id, ConversationState finalState, const char* visitorState);
    visitor::StateChange visitorStateOf(const LiveConversation& conversation) const;
    LiveConversation* findLive(std::int64_t id);

    // presence (presence.cpp)
    void dropOperator(ConnectionId connection, bool waitForReturn);
    void resumeConversations(ConnectionId connection, OperatorSession& session);
    void tickOperators(TimePoint now);
    void tickConversations(TimePoint now);

    std::int64_t ringTimeField(const LiveConversation& conversation) const;
    /// The monotonic clock in ms, for the rate limits.
    std::int64_t steadyMs() const;

    CoreSettings settings_;
    const Clock& clock_;
    ConnectionSink& sink_;
    ConversationStore& store_;

    std::map<ConnectionId, OperatorSession> operators_;
    std::map<ConnectionId, VisitorSession> visitors_;
    std::map<std::int64_t, LiveConversation> conversations_; // Ringing, Connected, Waiting
    std::unordered_map<std::string, std::int64_t> liveByVisitor_;
    KeyedRateLimit visitorConnectionsPerAddress_; // new WebSockets by address
    KeyedRateLimit conversationsPerAddress_;      // new conversations by address
    ImSessionManager* im_ = nullptr;
    VisitorBanList* visitorBans_ = nullptr;
    UserBanCheck* userBans_ = nullptr;
};

} // namespace ringdesk::core
