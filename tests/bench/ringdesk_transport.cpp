#include "ringdesk_transport.h"

#include <stdexcept>

namespace ringdesk::bench {
namespace {

constexpr auto kSetupTimeout = std::chrono::seconds(10);

} // namespace

RingdeskTransport::RingdeskTransport(OperatorFleet& fleet, const std::string& host,
                                     std::uint16_t httpPort, Direction direction)
    : fleet_(fleet), direction_(direction)
{
    for (std::size_t i = 0; i < fleet.size(); ++i) {
        visitors_.push_back(std::make_unique<BenchVisitor>(host, httpPort, kSetupTimeout));
        BenchVisitor& visitor = *visitors_.back();
        visitor.hello("pair " + std::to_string(i), kSetupTimeout);
        visitor.send(visitor::SendMsg{"start pair " + std::to_string(i)});

        operator_client::NlchatClient& op = fleet.at(i);
        const auto deadline = std::chrono::steady_clock::now() + kSetupTimeout;
        std::int64_t conversation = 0;
        while (conversation == 0) {
            if (std::chrono::steady_clock::now() >= deadline)
                throw std::runtime_error("pair " + std::to_string(i) + ": no ring won in time");
            const auto packet = op.receive(std::chrono::milliseconds(200));
            if (!packet)
                continue;
            if (const auto* ring = std::get_if<nlchat::Ring>(&*packet))
                op.send(nlchat::RingAck{op.uuid(), ring->id});
            else if (const auto* won = std::get_if<nlchat::RingAckAck>(&*packet); won && won->uuid == op.uuid())
                conversation = won->id;
        }
        conversations_.push_back(conversation);
    }
}

void RingdeskTransport::send(std::size_t pair, const std::string& payload)
{
    if (direction_ == Direction::VisitorToOperator) {
        visitors_[pair]->send(visitor::SendMsg{payload});
    } else {
        operator_client::NlchatClient& op = fleet_.at(pair);
        op.send(nlchat::Msg{{payload}, nlchat::Direction::Out, op.uuid(), conversations_[pair], 0, 0});
    }
}

void RingdeskTransport::attach(EventLoop& loop, std::function<void(std::size_t, std::string_view)> onPayload)
{
    auto handler = std::make_shared<std::function<void(std::size_t, std::string_view)>>(std::move(onPayload));
    const bool toOperator = direction_ == Direction::VisitorToOperator;
    fleet_.attach(loop, [handler, toOperator](std::size_t index, const nlchat::Packet& packet) {
        if (!toOperator)
            return;
        if (const auto* msg = std::get_if<nlchat::Msg>(&packet); msg && !msg->msg.empty())
            (*handler)(index, msg->msg.front());
    });
    for (std::size_t i = 0; i < visitors_.size(); ++i) {
        BenchVisitor* visitor = visitors_[i].get();
        loop.add(visitor->fd(), [visitor, i, handler, toOperator] {
            const auto frame = visitor->readFrame();
            if (!frame || toOperator)
                return; // the echo of the visitor's own message: drained, not decoded
            const visitor::ServerMessage message = visitor::decodeServer(*frame);
            if (const auto* chat = std::get_if<visitor::ChatMessage>(&message); chat && chat->fromOperator)
                (*handler)(i, chat->text);
        });
    }
}

void RingdeskTransport::detach(EventLoop& loop)
{
    fleet_.detach(loop);
    for (const auto& visitor : visitors_)
        loop.remove(visitor->fd());
}

} // namespace ringdesk::bench
