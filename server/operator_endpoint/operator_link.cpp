#include "server/operator_endpoint/operator_link.h"

#include "server/runtime/socket_io.h"

#include "protocol/raw_packet.h"

namespace ringdesk::operator_endpoint {

OperatorLinkImpl::OperatorLinkImpl(Poco::Net::StreamSocket socket, std::size_t maxQueuedPackets)
    : socket_(std::move(socket)),
      queue_([this](const Outgoing& item) { write(item); },
             [this](const std::string&) { runtime::shutdownQuietly(socket_); },
             maxQueuedPackets, "operator-writer")
{
}

OperatorLinkImpl::~OperatorLinkImpl() { queue_.stop(); }

void OperatorLinkImpl::deliver(const nlchat::Packet& packet) { queue_.push(packet); }

void OperatorLinkImpl::shutdown(const std::string&)
{
    queue_.push(std::nullopt);
}

void OperatorLinkImpl::finish() { queue_.stop(); }

void OperatorLinkImpl::setClientKey(std::optional<protocol::RsaPublicKey> key, const std::string& uuid)
{
    std::lock_guard lock(mutex_);
    clientKey_ = std::move(key);
    clientUuid_ = uuid;
}

void OperatorLinkImpl::setClientUsesRaw(bool raw)
{
    std::lock_guard lock(mutex_);
    raw_ = raw;
}

void OperatorLinkImpl::write(const Outgoing& item)
{
    if (!item) {
        runtime::shutdownQuietly(socket_);
        return;
    }
    std::string line = nlchat::encode(*item);
    std::optional<protocol::RsaPublicKey> key;
    std::string uuid;
    {
        std::lock_guard lock(mutex_);
        if (raw_ && clientKey_) {
            key = clientKey_;
            uuid = clientUuid_;
        }
    }
    if (key)
        line = protocol::serializeRawEnvelope(
            protocol::sealRawPacket(line, *key, uuid, protocol::kClientName));
    line.push_back('\n');
    runtime::sendAll(socket_, line);
}

} // namespace ringdesk::operator_endpoint
