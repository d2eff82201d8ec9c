#include "server/ims_endpoint/ims_connection.h"

#include "protocol/ims_document.h"
#include "protocol/ims_stream_parser.h"
#include "protocol/protocol_error.h"
#include "server/core/im_session_manager.h"
#include "server/ims_endpoint/ims_error.h"
#include "server/ims_endpoint/ims_link.h"

#include <Poco/Net/NetException.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <thread>

namespace ringdesk::ims_endpoint {
namespace {

/// The longest a throttled LOGIN waits for its refusal.
constexpr std::chrono::milliseconds kMaxThrottledReplyDelay{2000};

} // namespace

ImsConnection::ImsConnection(const Poco::Net::StreamSocket& socket, ImsEndpointContext& context)
    : Poco::Net::TCPServerConnection(socket), context_(context), logger_(Poco::Logger::get("ringdesk.ims"))
{
}

void ImsConnection::run()
{
    const core::ConnectionId id = context_.registry.nextId();
    const std::string peer = socket().peerAddress().toString();
    auto link = std::make_shared<ImsLinkImpl>(socket(), context_.maxQueuedDocuments);
    context_.registry.add(id, link);
    context_.dispatcher.post([id, peer](core::Core& core) { core.im().imsConnected(id, peer); });
    logger_.information("IMS connection %Lu from %s", static_cast<Poco::UInt64>(id), peer);

    ims::ImsStreamParser parser(context_.maxDocumentBytes);
    std::array<char, 16 * 1024> buffer{};
    bool loggedIn = false;
    std::string reason = "closed by peer";
    try {
        for (;;) {
            const int received = socket().receiveBytes(buffer.data(), static_cast<int>(buffer.size()));
            if (received <= 0)
                break;
            parser.feed(buffer.data(), static_cast<std::size_t>(received));
            while (std::optional<std::string> text = parser.next())
                handle(id, *link, *text, peer, loggedIn);
        }
        if (parser.hasPartial())
            reason = "closed by peer inside a document";
    } catch (const protocol::ProtocolError& e) {
        // The stream cannot be split any further (DOCTYPE, oversize, broken markup): say why,
        // then close.
        logger_.notice("IMS stream from %s refused: %s (%s)", peer, std::string(e.what()), e.code());
        link->deliverRaw(errorDocument(e.code(), e.what()));
        link->shutdown(e.what());
        reason = e.what();
    } catch (const Poco::Exception& e) {
        reason = e.displayText();
    }
    logger_.information("IMS connection %Lu from %s ended: %s", static_cast<Poco::UInt64>(id),
                        peer, reason);
    context_.dispatcher.post([id](core::Core& core) { core.im().imsClosed(id); });
    context_.registry.remove(id);
    link->finish();
}

void ImsConnection::handle(core::ConnectionId id, ImsLinkImpl& link, const std::string& text,
                           const std::string& peer, bool& loggedIn)
{
    // N.B. of the spec: every client document is sent back before any response to it.
    link.deliverRaw(text);
    ims::ClientDocument document;
    try {
        document = ims::parseClientDocument(text);
    } catch (const protocol::ProtocolError& e) {
        // A whole but unreadable document: the stream is still in step, so the connection stays.
        logger_.notice("bad IMS document from %s: %s (%s)", peer, std::string(e.what()), e.code());
        link.deliverRaw(errorDocument(e.code(), e.what()));
        context_.dispatcher.post([id](core::Core& core) { core.im().imsHeard(id); });
        return;
    }
    const auto* login = std::get_if<ims::LoginRequest>(&document);
    if (login == nullptr || loggedIn) {
        context_.dispatcher.post(
            [id, document = std::move(document)](core::Core& core) { core.im().imsDocument(id, document); });
        return;
    }
    // The slow KDF runs here, on this connection's thread, never on the dispatcher's.
    context_.dispatcher.post([id](core::Core& core) { core.im().imsHeard(id); });
    const admission::GuardedLogin guarded = context_.logins.check(
        {socket().peerAddress().host().toString(), login->user, login->pass, true, context_.clock.epochMs()});
    if (!guarded.throttle.allowed()) {
        // The IMS LOGIN result has no "try later": the refusal (result 0) comes after the
        // back-off, capped so a throttled client holds its thread only briefly.
        logger_.warning("IMS login for '%s' from %s throttled", login->user, peer);
        std::this_thread::sleep_for(
            std::min(std::chrono::milliseconds(guarded.throttle.retryAfterMs), kMaxThrottledReplyDelay));
        context_.dispatcher.post([id, user = login->user](core::Core& core) {
            core.im().imsLoginRefused(id, user, protocol::LoginResult::kWrongCredentials);
        });
        return;
    }
    const core::LoginCheck& check = guarded.check;
    if (check.result == protocol::LoginResult::kOk) {
        loggedIn = true;
        const std::string username = check.username;
        logger_.information("IMS user %s logged in from %s", username, peer);
        context_.dispatcher.post([id, username](core::Core& core) { core.im().imsLoggedIn(id, username); });
        return;
    }
    const bool banned = check.result == protocol::LoginResult::kBanned;
    logger_.warning("%s IMS login for '%s' from %s", std::string(banned ? "banned" : "failed"),
                    login->user, peer);
    const protocol::LoginResult result = check.result;
    context_.dispatcher.post(
        [id, user = login->user, result](core::Core& core) { core.im().imsLoginRefused(id, user, result); });
}

} // namespace ringdesk::ims_endpoint
