#include "operator_fleet.h"

#include "bench_server.h"

#include <stdexcept>

namespace ringdesk::bench {

OperatorFleet::OperatorFleet(const FleetOptions& options)
{
    connections_.reserve(options.count);
    for (std::size_t i = 0; i < options.count; ++i) {
        operator_client::ConnectionOptions connection;
        connection.encryption = options.encryption;
        auto client = std::make_unique<operator_client::NlchatClient>(connection);
        client->connect(options.host, options.port, options.timeout);
        const std::string name = OperatorAccounts::username(options.first + i);
        const nlchat::Login answer = client->login(name, OperatorAccounts::kPassword, options.timeout);
        if (answer.result != static_cast<int>(nlchat::LoginResult::kOk))
            throw std::runtime_error("login of " + name + " refused with result " + std::to_string(answer.result));
        connections_.push_back(std::move(client));
    }
}

void OperatorFleet::attach(EventLoop& loop, PacketHandler onPacket)
{
    watch(loop, [this, onPacket = std::move(onPacket)](std::size_t index) {
        // One read per wake-up; every whole packet it completed is handed on.
        while (auto packet = connections_[index]->receive(std::chrono::milliseconds(0)))
            onPacket(index, *packet);
    });
}

void OperatorFleet::attachLines(EventLoop& loop, LineHandler onLine)
{
    watch(loop, [this, onLine = std::move(onLine)](std::size_t index) {
        while (auto line = connections_[index]->receiveLine(std::chrono::milliseconds(0)))
            onLine(index, std::move(*line));
    });
}

void OperatorFleet::watch(EventLoop& loop, std::function<void(std::size_t index)> onReadable)
{
    auto shared = std::make_shared<std::function<void(std::size_t)>>(std::move(onReadable));
    for (std::size_t i = 0; i < connections_.size(); ++i) {
        const int fd = connections_[i]->socket().impl()->sockfd();
        loop.remove(fd);
        loop.add(fd, [i, shared] { (*shared)(i); });
    }
}

void OperatorFleet::detach(EventLoop& loop)
{
    for (const auto& connection : connections_)
        loop.remove(connection->socket().impl()->sockfd());
}

} // namespace ringdesk::bench
