#include "server/operator_endpoint/threaded_operator_connection.h"

#include "protocol/line_framer.h"
#include "protocol/protocol_error.h"
#include "server/operator_endpoint/operator_line_handler.h"
#include "server/operator_endpoint/threaded_operator_link.h"

#include <Poco/Net/NetException.h>

#include <array>

namespace ringdesk::operator_endpoint {

ThreadedOperatorConnection::ThreadedOperatorConnection(const Poco::Net::StreamSocket& socket,
                                                       OperatorEndpointContext& context)
    : Poco::Net::TCPServerConnection(socket), context_(context), logger_(Poco::Logger::get("ringdesk.operator"))
{
}

void ThreadedOperatorConnection::run()
{
    const core::ConnectionId id = context_.registry.nextId();
    const std::string peer = socket().peerAddress().toString();
    auto link = std::make_shared<ThreadedOperatorLink>(socket(), context_.maxQueuedPackets);
    context_.registry.add(id, link);
    context_.dispatcher.post([id, peer](core::Core& core) { core.operatorConnected(id, peer); });
    logger_.information("operator connection %Lu from %s", static_cast<Poco::UInt64>(id), peer);

    OperatorLineHandler lines(context_, id, socket().peerAddress(), link->form(), *link);
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
                if (!line->empty())
                    lines.handle(*line);
            }
        }
    } catch (const protocol::ProtocolError& e) {
        reason = e.what();
    } catch (const Poco::Exception& e) {
        reason = e.displayText();
    }
    logger_.information("operator connection %Lu from %s ended: %s", static_cast<Poco::UInt64>(id), peer, reason);
    context_.dispatcher.post([id](core::Core& core) { core.operatorClosed(id); });
    context_.registry.remove(id);
    link->finish();
}

} // namespace ringdesk::operator_endpoint
