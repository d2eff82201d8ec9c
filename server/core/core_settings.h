#pragma once
// Rules the core applies; every value is configurable (docs/configuration.md).

#include "server/core/clock.h"
#include "server/core/token_bucket.h"

#include <chrono>
#include <cstddef>

namespace ringdesk::core {

struct CoreSettings
{
    /// A ring is open this long before it times out (the original: 60 s).
    Duration ringTimeout = std::chrono::seconds(60);
    /// The `time` field of `ring` is now + ringOffer, in epoch seconds (the original: 55 s).
    Duration ringOffer = std::chrono::seconds(55);
    /// A silent operator is probed after this long (spec 2.4: 7 s).
    Duration probeAfter = std::chrono::seconds(7);
    /// ...and dropped when no probeACK arrived this long after the probe (spec 2.4: 3 s).
    Duration dropAfter = std::chrono::seconds(3);
    /// A dropped operator's conversations wait this long for it to come back.
    Duration grace = std::chrono::seconds(60);
    /// An operator with this many open chats is not rung.
    std::size_t maxChatsPerOperator = 4;
    /// Accept operators that never log in (rung under their UUID). Off by default.
    bool allowAnonymousOperators = false;
    /// An operator connection that has not logged in this long after connecting is sent
    /// `error` `login_timeout` and closed (with allowAnonymousOperators: one that sent no `key`).
    Duration loginTimeout = std::chrono::seconds(30);
    /// New visitor WebSockets per source address; one over the limit gets `error`
    /// `rate_limited` and is closed (docs/configuration.md, "Visitor limits").
    RateLimit visitorConnectionsPerAddress = RateLimit::perWindow(120, 60000);
    /// New conversations per source address; the `msg` that would open one more gets `error`
    /// `rate_limited` and is not stored.
    RateLimit conversationsPerAddress = RateLimit::perWindow(60, 3600000);
    /// Addresses each of the two limits above remembers at most.
    std::size_t maxTrackedAddresses = 100000;
    /// Store every message's text in the transcript (on by default). Off: messages are relayed
    /// and numbered as usual but their text is not written; conversations, their states and
    /// last sequence numbers still are (deployments that may not keep chat contents, and the
    /// benchmark's baseline). A visitor resuming a conversation that outlived a restart then
    /// gets no earlier messages.
    bool storeTranscripts = true;
};

} // namespace ringdesk::core
