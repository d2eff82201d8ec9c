#pragma once
// Many logged-in operators (accounts op<first> …, see OperatorAccounts), each a blocking
// operator_client::NlchatClient whose socket an EventLoop watches.

#include "event_loop.h"
#include "operator-client/session/nlchat_client.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace ringdesk::bench {

struct FleetOptions
{
    std::string host = "127.0.0.1";
    std::uint16_t port = 0;
    std::size_t first = 0;
    std::size_t count = 0;
    /// RSA mode for every operator when set (they share one client key pair: generating
    /// 1 000 keys would take minutes and changes nothing on the server's side).
    std::optional<operator_client::Encryption> encryption;
    std::chrono::milliseconds timeout{10000};
};

class OperatorFleet
{
public:
    /// Connects and logs in every operator, one after the other. Throws ConnectionError or
    /// std::runtime_error (login refused).
    explicit OperatorFleet(const FleetOptions& options);

    std::size_t size() const noexcept { return connections_.size(); }
    operator_client::NlchatClient& at(std::size_t index) { return *connections_.at(index); }

    using PacketHandler = std::function<void(std::size_t index, const nlchat::Packet& packet)>;
    /// Watches every connection on `loop`: each packet received (probes are answered inside)
    /// goes to `onPacket` with the operator's index in the fleet. Replaces an earlier handler.
    void attach(EventLoop& loop, PacketHandler onPacket);
    using LineHandler = std::function<void(std::size_t index, std::string line)>;
    /// Like attach(), but every line goes to `onLine` as it arrived, not decoded (a raw
    /// envelope still sealed) and nothing is answered: decode with at(index).decode(line) and
    /// answer probes yourself. Replaces an earlier handler.
    void attachLines(EventLoop& loop, LineHandler onLine);
    void detach(EventLoop& loop);

private:
    /// Calls `onReadable(index)` whenever connection `index`'s socket is readable.
    void watch(EventLoop& loop, std::function<void(std::size_t index)> onReadable);

    std::vector<std::unique_ptr<operator_client::NlchatClient>> connections_;
};

} // namespace ringdesk::bench
