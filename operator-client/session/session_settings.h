#pragma once
// Everything an OperatorEngine needs to know; times in ms.

#include "operator-client/session/nlchat_client.h"

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

namespace ringdesk::operator_client {

struct SessionSettings
{
    /// The server's operator endpoint (ringdesk.operator.host/port, default port 7010; with
    /// TLS its ringdesk.operator.tlsPort, default 7020).
    std::string host = "localhost";
    std::uint16_t port = 7010;
    /// TLS when set (docs/protocol.md, "TLS"); a refused certificate ends the session
    /// (ConnectionLost without retry) instead of reconnecting.
    std::optional<TlsOptions> tls;
    /// The operator's account (docs/protocol.md, `login`).
    std::string username;
    std::string password;
    /// Raw mode (spec 1.2.1) when set; plain packets otherwise.
    std::optional<Encryption> encryption;
    /// Raw mode prepared on the session thread before the first connection, so that the
    /// caller never waits for it: a 2048-bit client key pair is generated, and the server's
    /// public key is `serverKey` or, when that is empty, fetched from
    /// http://host:httpPort/keys/server.pem (server_key.h; the fetch is retried like a
    /// connection). Ignored when `encryption` is set.
    struct RawModeSetup
    {
        std::optional<protocol::RsaPublicKey> serverKey;
        std::uint16_t httpPort = 8080; // ringdesk.http.port
    };
    std::optional<RawModeSetup> rawMode;
    /// This client's UUID (spec 1.1.6), kept across reconnects; empty: a random one.
    std::string uuid;

    /// Bound on one TCP connection attempt.
    std::chrono::milliseconds connectTimeout{5000};
    /// Bound from the connection to the end of the login (answer and chats handed back).
    std::chrono::milliseconds loginTimeout{15000};
    /// A server that sends nothing, not even a probe (spec 2.4), for this long is taken for
    /// dead and the connection is dropped. Ringdesk probes after 7 s of operator silence, so
    /// keep this well above ringdesk.presence.probeAfterMs.
    std::chrono::milliseconds silenceTimeout{30000};
    /// Reconnection delays: exponential from the first to the last (see backoff.h).
    std::chrono::milliseconds reconnectInitial{500};
    std::chrono::milliseconds reconnectMax{30000};
    /// Events held for a reader that does not keep up (event_queue.h).
    std::size_t maxQueuedEvents = 10000;
};

} // namespace ringdesk::operator_client
