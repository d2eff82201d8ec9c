#include "server/operator_endpoint/operator_connection.h"

#include "protocol/line_framer.h"
#include "protocol/protocol_error.h"
#include "protocol/raw_packet.h"
#include "server/operator_endpoint/operator_link.h"

#include <Poco/Net/NetException.h>

#include <array>

namespace ringdesk::operator_endpoint {

OperatorConnection::OperatorConnection(const Poco::Net::StreamSocket& socket,
                                       OperatorEndpointContext& context)
    : Poco::Net::TCPServerConnection(socket), context_(context),
      logger_(Poco::Logger::get("ringdesk.operator"))
{
}

void OperatorConnection::run()
{
    const core::ConnectionId id = context_.registry.nextId();
    const std::string peer = socket().peerAddress().toString();
    auto link = std::make_shared<OperatorLinkImpl>(socket(), context_.maxQueuedPackets);
    context_.registry.add(id, link);
    context_.dispatcher.post([id, peer](core::Core& core) { core.operatorConnected(id, peer); });
    logger_.information("operator connection %Lu from %s", static_cast<unsigned long long>(id), peer);

    protocol::LineFramer framer(context_.maxLineBytes);
    std::array<char, 16 * 1024> buffer{};
    std::string reason = "closed by peer";
    try {
        for (;;) {
            const int received = socket().receiveBytes(buffer.data(), static_cast<int>(buffer.size()));
            if (received <= 0)
                break;
            framer.feed(buffer.data(), static_cast<std::size_t>(received));
            for (;;) {
                std::optional<std::string> line;
                try {
                    line = framer.next();
                } catch (const protocol::ProtocolError& e) {
                    // A line over the limit: the stream can no longer be split into lines, so
                    // the peer is told why and the connection is closed.
                    link->deliver(nlchat::Error{e.code(), e.what(), {}});
                    throw;
                }
                if (!line)
                    break;
                if (line->empty())
                    continue;
                try {
                    std::string plain = std::move(*line);
                    const bool raw = protocol::looksLikeRawEnvelope(plain);
                    if (raw)
                        plain = protocol::openRawPacket(protocol::parseRawEnvelope(plain),
                                                        context_.serverKey, protocol::kServerName);
                    nlchat::Packet packet = nlchat::decode(plain);
                    // Only a valid packet sets the answers' form: one broken plain line from an
                    // RSA client must not switch its rings to plain.
                    link->setClientUsesRaw(raw);

                    if (auto* login = std::get_if<nlchat::Login>(&packet)) {
                        // The slow KDF runs here, on this connection's thread.
                        const runtime::LoginCheck check = context_.authenticator.checkLogin(
                            login->username, login->password, clock_.epochMs());
                        if (check.verdict == runtime::LoginVerdict::kOk) {
                            core::OperatorIdentity identity{check.user->username, check.user->displayName};
                            logger_.information("operator %s logged in from %s", check.user->username, peer);
                            context_.dispatcher.post(
                                [id, identity](core::Core& core) { core.operatorLoggedIn(id, identity); });
                        } else {
                            const bool banned = check.verdict == runtime::LoginVerdict::kBanned;
                            logger_.warning("%s login for '%s' from %s",
                                            std::string(banned ? "banned" : "failed"), login->username, peer);
                            const nlchat::LoginResult result = banned ? nlchat::LoginResult::Banned
                                                                      : nlchat::LoginResult::WrongCredentials;
                            context_.dispatcher.post([id, result](core::Core& core) {
                                core.operatorLoginRefused(id, result);
                            });
                        }
                        continue;
                    }
                    if (auto* key = std::get_if<nlchat::Key>(&packet)) {
                        std::optional<protocol::RsaPublicKey> clientKey;
                        if (!key->key.empty())
                            clientKey = protocol::RsaPublicKey::fromPem(key->key);
                        link->setClientKey(std::move(clientKey), key->uuid);
                    }
                    context_.dispatcher.post(
                        [id, packet = std::move(packet)](core::Core& core) { core.operatorPacket(id, packet); });
                } catch (const protocol::ProtocolError& e) {
                    // One bad packet in an intact line stream (also a field over its limit):
                    // refused with an error, and the connection stays.
                    logger_.notice("bad packet from %s: %s (%s)", peer, std::string(e.what()), e.code());
                    link->deliver(nlchat::Error{e.code(), e.what(), {}});
                }
            }
        }
    } catch (const protocol::ProtocolError& e) {
        reason = e.what();
    } catch (const Poco::Exception& e) {
        reason = e.displayText();
    }
    logger_.information("operator connection %Lu from %s ended: %s",
                        static_cast<unsigned long long>(id), peer, reason);
    context_.dispatcher.post([id](core::Core& core) { core.operatorClosed(id); });
    context_.registry.remove(id);
    link->finish();
}

} // namespace ringdesk::operator_endpoint
