#pragma once
// One core wired to a ManualClock, a RecordingSink and an InMemoryConversationStore, with
// the steps every core test repeats: operators logging in, visitors saying hello and writing,
// time passing. Connection ids come from one counter, as in the server (core_output.h).

#include "support/fakes/in_memory_conversation_store.h"
#include "support/fakes/recording_sink.h"

#include "server/core/core.h"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace ringdesk::core::testing {

class CoreHarness
{
public:
    explicit CoreHarness(CoreSettings coreSettings = {});

    // Declared in this order so the core is built after what it refers to.
    CoreSettings settings;
    ManualClock clock;
    RecordingSink output;
    InMemoryConversationStore store;
    Core core;

    /// A fresh connection id.
    ConnectionId nextConnection() { return ++lastConnection_; }

    // ---- operators ------------------------------------------------------------------------
    /// operatorConnected + `key` with `uuid`, no login.
    ConnectionId connectOperator(const std::string& uuid);
    /// operatorConnected + `key` (UUID "uuid-<username>-<connection>") + operatorLoggedIn.
    /// Every connection has its own UUID, as every client instance does. The display name
    /// defaults to the username with its first letter in upper case ("alice" → "Alice").
    ConnectionId logIn(const std::string& username, const std::string& displayName = {});
    /// The UUID an operator connection sent in its `key`.
    const std::string& uuidOf(ConnectionId op) const;
    void send(ConnectionId op, const nlchat::Packet& packet) { core.operatorPacket(op, packet); }
    void ringAck(ConnectionId op, std::int64_t id) { send(op, nlchat::RingAck{uuidOf(op), id}); }
    void probeAck(ConnectionId op) { send(op, nlchat::ProbeAck{uuidOf(op)}); }
    /// An operator `msg` (I/O "out") to conversation `id` (0: its only chat).
    void operatorSays(ConnectionId op, std::int64_t id, const std::string& text);

    // ---- visitors -------------------------------------------------------------------------
    /// visitorConnected + `hello`.
    ConnectionId visitorHello(const std::string& name, const std::string& page = {},
                              const std::string& token = {}, std::int64_t since = 0);
    void visitorSays(ConnectionId visitor, const std::string& text);
    void visitorSends(ConnectionId visitor, const visitor::ClientMessage& message)
    {
        core.visitorMessage(visitor, message);
    }
    /// The `welcome` the visitor connection got.
    visitor::Welcome welcomeOf(ConnectionId visitor) const;
    /// The conversation of the visitor's newest `state` message; throws if it got none.
    std::int64_t conversationOf(ConnectionId visitor) const;

    /// A visitor writes its first message; the ring goes to the ringable operators.
    /// Returns the visitor connection.
    ConnectionId visitorStartsChat(const std::string& name, const std::string& text);
    /// A visitor starts a chat and `winner` accepts its ring (throws if it does not connect).
    struct Chat
    {
        ConnectionId visitor = 0;
        std::int64_t id = 0;
    };
    Chat connectedChat(ConnectionId winner, const std::string& visitorName = "Ann",
                       const std::string& firstText = "Hello?");

    // ---- time -----------------------------------------------------------------------------
    /// Moves the clock and runs the timers once.
    void advance(Duration d);
    /// Moves the clock by `total` in steps of `step`, running the timers after each step; the
    /// operators in `alive` answer with probeACK before each tick, so only the others go silent.
    void advanceKeeping(Duration total, const std::vector<ConnectionId>& alive,
                        Duration step = std::chrono::seconds(1));

    /// Finds the live conversation `id` in the core's live view; throws if it is not live.
    ConversationInfo live(std::int64_t id) const;
    bool isLive(std::int64_t id) const;
    /// The open-chat count of an operator connection in the live view; throws if it is gone.
    std::size_t openChatsOf(ConnectionId op) const;
    bool hasOperatorSession(ConnectionId op) const;

private:
    ConnectionId keyed(ConnectionId op, const std::string& uuid);

    ConnectionId lastConnection_ = 0;
    std::map<ConnectionId, std::string> uuids_;
};

} // namespace ringdesk::core::testing
