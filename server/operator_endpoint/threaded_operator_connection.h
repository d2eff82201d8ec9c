#pragma once
// One operator connection on its own threads (the TLS endpoint; plain TCP connections run on
// the event loops, operator_stream.h): '\n'-framed JSON lines, plain packets or RSA raw
// envelopes (specs/nlchat-protocol.txt; docs/protocol.md). The reading thread frames and hands
// each line to an OperatorLineHandler; the link's writer thread writes what the core sends.

#include "protocol/rsa_key.h"
#include "server/admission/login_guard.h"
#include "server/core/clock.h"
#include "server/dispatch/connection_registry.h"
#include "server/dispatch/core_inbox.h"

#include <Poco/Logger.h>
#include <Poco/Net/TCPServerConnection.h>

#include <cstddef>

namespace ringdesk::operator_endpoint {

/// What every operator connection shares.
struct OperatorEndpointContext
{
    dispatch::CoreInbox& dispatcher;
    dispatch::ConnectionRegistry& registry;
    admission::LoginGuard& logins; // throttles and verifies logins (slow: off the dispatcher)
    const protocol::RsaPrivateKey& serverKey;
    std::size_t maxLineBytes;     // longest accepted line, bytes
    std::size_t maxQueuedPackets; // send queue bound before the peer is dropped
    const core::Clock& clock;     // ban expiry (the server's clock; tests give a manual one)
};

class ThreadedOperatorConnection final : public Poco::Net::TCPServerConnection
{
public:
    ThreadedOperatorConnection(const Poco::Net::StreamSocket& socket, OperatorEndpointContext& context);
    void run() override;

private:
    OperatorEndpointContext& context_;
    Poco::Logger& logger_;
};

} // namespace ringdesk::operator_endpoint
