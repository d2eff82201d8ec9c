#pragma once
// The smallest MQTT 3.1.1 client the Mosquitto baseline needs (OASIS MQTT 3.1.1): CONNECT
// (clean session, keep-alive off), SUBSCRIBE and PUBLISH at QoS 0 (section 3.3), and parsing of
// incoming PUBLISH packets. Blocking writes; reads are driven by an EventLoop.

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

namespace ringdesk::bench {

class MqttClient
{
public:
    /// Connects to 127.0.0.1:`port` and completes CONNECT/CONNACK (3.1, 3.2) within 5 s.
    /// Throws std::runtime_error when the broker refuses or does not answer.
    MqttClient(std::uint16_t port, const std::string& clientId);
    ~MqttClient();
    MqttClient(const MqttClient&) = delete;
    MqttClient& operator=(const MqttClient&) = delete;

    int fd() const noexcept { return fd_; }

    /// SUBSCRIBE to `topic` at QoS 0 and wait for the SUBACK (3.8, 3.9).
    void subscribe(const std::string& topic);
    /// PUBLISH `payload` to `topic` at QoS 0 (3.3): fire and forget.
    void publish(const std::string& topic, std::string_view payload);

    /// Reads what the socket holds (call when readable) and calls `onMessage` with the payload
    /// of every whole PUBLISH received; other packet types are skipped.
    /// Throws std::runtime_error when the broker closed the connection.
    void readAvailable(const std::function<void(std::string_view payload)>& onMessage);

private:
    // Reads until a whole packet of type `type` (the high nibble of its first byte) is buffered.
    void awaitPacket(std::uint8_t type);
    bool nextPacket(std::uint8_t& header, std::string_view& body);

    int fd_ = -1;
    std::string in_;
    std::size_t consumed_ = 0;
    std::string out_;
};

} // namespace ringdesk::bench
