#pragma once
// RelayTransport over ringdesk-server: pair i is visitor i (WebSocket) in a conversation with
// operator i (operator protocol), set up by a ring that operator i accepts. Texts go visitor →
// operator (the relay scenario) or operator → visitor (the RSA scenario, where the server must
// decrypt every operator packet).

#include "bench_visitor.h"
#include "operator_fleet.h"
#include "relay_transport.h"

#include <memory>
#include <vector>

namespace ringdesk::bench {

class RingdeskTransport : public RelayTransport
{
public:
    enum class Direction { VisitorToOperator, OperatorToVisitor };

    /// Connects one visitor per operator of `fleet` (the server must run with
    /// ringdesk.chat.maxPerOperator=1 so each operator takes one chat) and pairs them.
    /// Throws std::runtime_error when a pairing does not complete within 10 s.
    RingdeskTransport(OperatorFleet& fleet, const std::string& host, std::uint16_t httpPort,
                      Direction direction);

    std::size_t pairs() const override { return visitors_.size(); }
    void send(std::size_t pair, const std::string& payload) override;
    void attach(EventLoop& loop,
                std::function<void(std::size_t, std::string_view)> onPayload) override;
    void detach(EventLoop& loop) override;

private:
    OperatorFleet& fleet_;
    Direction direction_;
    std::vector<std::unique_ptr<BenchVisitor>> visitors_;
    std::vector<std::int64_t> conversations_;
};

} // namespace ringdesk::bench
