#include "server/operator_endpoint/operator_line_handler.h"

#include "protocol/protocol_error.h"
#include "protocol/raw_packet.h"

namespace ringdesk::operator_endpoint {

OperatorLineHandler::OperatorLineHandler(OperatorEndpointContext& context, core::ConnectionId id,
                                         const Poco::Net::SocketAddress& peer, PacketEncoder& form,
                                         dispatch::OperatorLink& replies)
    : context_(context), id_(id), peer_(peer.toString()), peerHost_(peer.host().toString()), form_(form),
      replies_(replies), logger_(Poco::Logger::get("ringdesk.operator"))
{
}

void OperatorLineHandler::handle(const std::string& line)
{
    try {
        std::string plain = line;
        const bool raw = protocol::looksLikeRawEnvelope(plain);
        if (raw)
            plain = protocol::openRawPacket(protocol::parseRawEnvelope(plain), context_.serverKey,
                                            protocol::kServerName);
        dispatch(nlchat::decode(plain), raw);
    } catch (const protocol::ProtocolError& e) {
        refuse(e);
    }
}

bool OperatorLineHandler::handleIfCheap(const std::string& line)
{
    if (protocol::looksLikeRawEnvelope(line))
        return false;
    try {
        nlchat::Packet packet = nlchat::decode(line);
        if (std::holds_alternative<nlchat::Login>(packet))
            return false;
        dispatch(std::move(packet), false);
    } catch (const protocol::ProtocolError& e) {
        refuse(e);
    }
    return true;
}

void OperatorLineHandler::refuse(const protocol::ProtocolError& e)
{
    // One bad packet in an intact line stream (also a field over its limit): refused with an
    // error, and the connection stays.
    logger_.notice("bad packet from %s: %s (%s)", peer_, std::string(e.what()), e.code());
    replies_.deliver(nlchat::Error{e.code(), e.what(), {}});
}

void OperatorLineHandler::dispatch(nlchat::Packet packet, bool raw)
{
    // Only a valid packet sets the answers' form: one broken plain line from an RSA client
    // must not switch its rings to plain.
    form_.setClientUsesRaw(raw);
    const core::ConnectionId id = id_;

    if (auto* login = std::get_if<nlchat::Login>(&packet)) {
        const admission::GuardedLogin guarded =
            context_.logins.check({peerHost_, login->username, login->password, false, context_.clock.epochMs()});
        if (!guarded.throttle.allowed()) {
            logger_.warning("login for '%s' from %s throttled", login->username, peer_);
            replies_.deliver(nlchat::Error{protocol::error_code::kRateLimited,
                                           "too many login attempts; retry in " +
                                               std::to_string((guarded.throttle.retryAfterMs + 999) / 1000) + " s",
                                           nlchat::command::kLogin});
            return;
        }
        const core::LoginCheck& check = guarded.check;
        if (check.result == protocol::LoginResult::kOk) {
            core::OperatorIdentity identity{check.username, check.displayName};
            logger_.information("operator %s logged in from %s", check.username, peer_);
            context_.dispatcher.post([id, identity](core::Core& core) { core.operatorLoggedIn(id, identity); });
        } else {
            const bool banned = check.result == protocol::LoginResult::kBanned;
            logger_.warning("%s login for '%s' from %s", std::string(banned ? "banned" : "failed"),
                            login->username, peer_);
            const protocol::LoginResult result = check.result;
            context_.dispatcher.post([id, result](core::Core& core) { core.operatorLoginRefused(id, result); });
        }
        return;
    }
    if (auto* key = std::get_if<nlchat::Key>(&packet)) {
        std::optional<protocol::RsaPublicKey> clientKey;
        if (!key->key.empty())
            clientKey = protocol::RsaPublicKey::fromPem(key->key);
        form_.setClientKey(std::move(clientKey), key->uuid);
    }
    context_.dispatcher.post([id, packet = std::move(packet)](core::Core& core) { core.operatorPacket(id, packet); });
}

} // namespace ringdesk::operator_endpoint
