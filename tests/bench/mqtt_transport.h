#pragma once
// RelayTransport over an MQTT broker: pair i is a publisher and a subscriber of topic
// "bench/<i>", QoS 0.

#include "mqtt_client.h"
#include "relay_transport.h"

#include <memory>
#include <vector>

namespace ringdesk::bench {

class MqttTransport : public RelayTransport
{
public:
    /// Connects 2 x `pairs` clients to the broker on `port`; subscribers subscribe first.
    MqttTransport(std::uint16_t port, std::size_t pairs);

    std::size_t pairs() const override { return publishers_.size(); }
    void send(std::size_t pair, const std::string& payload) override;
    void attach(EventLoop& loop,
                std::function<void(std::size_t, std::string_view)> onPayload) override;
    void detach(EventLoop& loop) override;

private:
    std::vector<std::unique_ptr<MqttClient>> publishers_;
    std::vector<std::unique_ptr<MqttClient>> subscribers_;
    std::vector<std::string> topics_;
};

} // namespace ringdesk::bench
