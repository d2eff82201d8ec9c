#include "server/operator_endpoint/packet_encoder.h"

#include "protocol/raw_packet.h"

namespace ringdesk::operator_endpoint {

void PacketEncoder::setClientKey(std::optional<protocol::RsaPublicKey> key, const std::string& uuid)
{
    std::lock_guard lock(mutex_);
    clientKey_ = std::move(key);
    clientUuid_ = uuid;
}

void PacketEncoder::setClientUsesRaw(bool raw)
{
    std::lock_guard lock(mutex_);
    raw_ = raw;
}

std::string PacketEncoder::encode(const nlchat::Packet& packet) const
{
    std::string line = nlchat::encode(packet);
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
        line = protocol::serializeRawEnvelope(protocol::sealRawPacket(line, *key, uuid, protocol::kClientName));
    line.push_back('\n');
    return line;
}

} // namespace ringdesk::operator_endpoint
