#include "mqtt_transport.h"

namespace ringdesk::bench {

MqttTransport::MqttTransport(std::uint16_t port, std::size_t pairs)
{
    for (std::size_t i = 0; i < pairs; ++i) {
        topics_.push_back("bench/" + std::to_string(i));
        subscribers_.push_back(std::make_unique<MqttClient>(port, "sub-" + std::to_string(i)));
        subscribers_.back()->subscribe(topics_.back());
        publishers_.push_back(std::make_unique<MqttClient>(port, "pub-" + std::to_string(i)));
    }
}

void MqttTransport::send(std::size_t pair, const std::string& payload)
{
    publishers_[pair]->publish(topics_[pair], payload);
}

void MqttTransport::attach(EventLoop& loop, std::function<void(std::size_t, std::string_view)> onPayload)
{
    auto handler = std::make_shared<std::function<void(std::size_t, std::string_view)>>(std::move(onPayload));
    for (std::size_t i = 0; i < subscribers_.size(); ++i) {
        MqttClient* client = subscribers_[i].get();
        loop.add(client->fd(), [client, i, handler] {
            client->readAvailable([&](std::string_view payload) { (*handler)(i, payload); });
        });
    }
}

void MqttTransport::detach(EventLoop& loop)
{
    for (const auto& client : subscribers_)
        loop.remove(client->fd());
}

} // namespace ringdesk::bench
