#include "mqtt_client.h"

#include "line_transport.h"

#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <stdexcept>

namespace ringdesk::bench {
namespace {

// Control packet types (MQTT 3.1.1, 2.2.1).
constexpr std::uint8_t kConnect = 1;
constexpr std::uint8_t kConnack = 2;
constexpr std::uint8_t kPublish = 3;
constexpr std::uint8_t kSubscribe = 8;
constexpr std::uint8_t kSuback = 9;

// Remaining Length (2.2.3): 7 bits per byte, high bit "more follows".
void appendLength(std::string& out, std::size_t length)
{
    do {
        auto byte = static_cast<std::uint8_t>(length % 128);
        length /= 128;
        if (length > 0)
            byte |= 0x80;
        out.push_back(static_cast<char>(byte));
    } while (length > 0);
}

void appendString(std::string& out, std::string_view text)
{
    out.push_back(static_cast<char>(text.size() >> 8));
    out.push_back(static_cast<char>(text.size() & 0xff));
    out.append(text);
}

void appendPacket(std::string& out, std::uint8_t firstByte, const std::string& body)
{
    out.push_back(static_cast<char>(firstByte));
    appendLength(out, body.size());
    out += body;
}

} // namespace

MqttClient::MqttClient(std::uint16_t port, const std::string& clientId) : fd_(connectLoopback(port))
{
    std::string body;
    appendString(body, "MQTT");
    body.push_back(4);    // protocol level 3.1.1
    body.push_back(0x02); // clean session
    body.push_back(0);    // keep-alive 0: off
    body.push_back(0);
    appendString(body, clientId);
    out_.clear();
    appendPacket(out_, kConnect << 4, body);
    sendAll(fd_, out_.data(), out_.size());
    awaitPacket(kConnack);
}

MqttClient::~MqttClient() { ::close(fd_); }

void MqttClient::subscribe(const std::string& topic)
{
    std::string body;
    body.push_back(0);
    body.push_back(1); // packet identifier 1
    appendString(body, topic);
    body.push_back(0); // QoS 0
    out_.clear();
    appendPacket(out_, (kSubscribe << 4) | 0x02, body);
    sendAll(fd_, out_.data(), out_.size());
    awaitPacket(kSuback);
}

void MqttClient::publish(const std::string& topic, std::string_view payload)
{
    out_.clear();
    out_.push_back(static_cast<char>(kPublish << 4));
    appendLength(out_, 2 + topic.size() + payload.size());
    appendString(out_, topic);
    out_.append(payload);
    sendAll(fd_, out_.data(), out_.size());
}

bool MqttClient::nextPacket(std::uint8_t& header, std::string_view& body)
{
    const std::size_t available = in_.size() - consumed_;
    if (available < 2)
        return false;
    std::size_t length = 0;
    std::size_t multiplier = 1;
    std::size_t at = consumed_ + 1;
    for (;;) {
        if (at >= in_.size())
            return false;
        const auto byte = static_cast<std::uint8_t>(in_[at++]);
        length += (byte & 0x7f) * multiplier;
        multiplier *= 128;
        if ((byte & 0x80) == 0)
            break;
    }
    if (in_.size() - at < length)
        return false;
    header = static_cast<std::uint8_t>(in_[consumed_]);
    body = std::string_view(in_).substr(at, length);
    consumed_ = at + length;
    return true;
}

void MqttClient::awaitPacket(std::uint8_t type)
{
    char buffer[4096];
    for (;;) {
        std::uint8_t header = 0;
        std::string_view body;
        while (nextPacket(header, body)) {
            if ((header >> 4) == type) {
                if (type == kConnack && (body.size() < 2 || body[1] != 0))
                    throw std::runtime_error("the MQTT broker refused CONNECT");
                in_.erase(0, consumed_);
                consumed_ = 0;
                return;
            }
        }
        pollfd wait{fd_, POLLIN, 0};
        if (::poll(&wait, 1, 5000) <= 0)
            throw std::runtime_error("the MQTT broker did not answer");
        const ssize_t n = ::recv(fd_, buffer, sizeof buffer, 0);
        if (n <= 0)
            throw std::runtime_error("the MQTT broker closed the connection");
        in_.append(buffer, static_cast<std::size_t>(n));
    }
}

void MqttClient::readAvailable(const std::function<void(std::string_view)>& onMessage)
{
    char buffer[65536];
    const ssize_t n = ::recv(fd_, buffer, sizeof buffer, MSG_DONTWAIT);
    if (n == 0)
        throw std::runtime_error("the MQTT broker closed the connection");
    if (n < 0)
        return;
    in_.append(buffer, static_cast<std::size_t>(n));
    std::uint8_t header = 0;
    std::string_view body;
    while (nextPacket(header, body)) {
        if ((header >> 4) != kPublish || body.size() < 2)
            continue;
        const std::size_t topicLength = (static_cast<std::uint8_t>(body[0]) << 8) | static_cast<std::uint8_t>(body[1]);
        std::size_t skip = 2 + topicLength;
        if (((header >> 1) & 0x03) != 0)
            skip += 2; // packet identifier of QoS 1/2 (not used here, but skipped correctly)
        if (skip <= body.size())
            onMessage(body.substr(skip));
    }
    in_.erase(0, consumed_);
    consumed_ = 0;
}

} // namespace ringdesk::bench
