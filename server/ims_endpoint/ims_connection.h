#pragma once
// One IMS connection (specs/ims-xml-protocol.txt; docs/ims.md): XML documents back to back.
// The reading thread splits them (ims::ImsStreamParser), echoes each one's exact bytes, parses
// it, verifies LOGIN (slow KDF and ban check, off the dispatcher thread) and posts events to
// the core's IM unit; the link's writer thread writes what the core answers.

#include "server/admission/login_guard.h"
#include "server/core/clock.h"
#include "server/dispatch/connection_registry.h"
#include "server/dispatch/core_inbox.h"

#include <Poco/Logger.h>
#include <Poco/Net/TCPServerConnection.h>

#include <cstddef>

namespace ringdesk::ims_endpoint {

class ImsLinkImpl;

/// What every IMS connection shares.
struct ImsEndpointContext
{
    dispatch::CoreInbox& dispatcher;
    dispatch::ConnectionRegistry& registry;
    admission::LoginGuard& logins;  // throttles and verifies logins (slow: off the dispatcher)
    std::size_t maxDocumentBytes;   // longest accepted document, bytes (<= limits::kMaxImsDocumentBytes)
    std::size_t maxQueuedDocuments; // send queue bound before the peer is dropped
    const core::Clock& clock;       // ban expiry (the server's clock; tests give a manual one)
};

class ImsConnection final : public Poco::Net::TCPServerConnection
{
public:
    ImsConnection(const Poco::Net::StreamSocket& socket, ImsEndpointContext& context);
    void run() override;

private:
    /// Echoes, parses and posts one whole document; `loggedIn` is set once a LOGIN passed.
    void handle(core::ConnectionId id, ImsLinkImpl& link, const std::string& text,
                const std::string& peer, bool& loggedIn);

    ImsEndpointContext& context_;
    Poco::Logger& logger_;
};

} // namespace ringdesk::ims_endpoint
