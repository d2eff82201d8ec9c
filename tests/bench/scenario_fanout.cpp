// Scenario 2: ring fan-out. A visitor's first message rings every logged-in operator; operator 0
// accepts at once. Measured per ring, from the visitor's send: when the last operator has the
// ring, and when the last operator has the ringACKACK. Arrival is the moment epoll reported the
// operator's socket readable and its line was read. Lines are decoded (in RSA mode: decrypted,
// one private operation each on the benchmark's single thread) only once every operator has
// its two lines, so that work does not delay the arrivals it measures; the benchmark still
// shares the machine's cores with the server while it reads 1 000 sockets.

#include "bench_visitor.h"
#include "operator_fleet.h"
#include "payload.h"
#include "protocol/raw_packet.h"
#include "scenarios.h"
#include "stats.h"

#include <algorithm>
#include <deque>
#include <memory>

namespace ringdesk::bench {
namespace {

struct FanoutResult
{
    Samples lastRingMs;
    Samples lastAckAckMs;
};

// The lines of one ring as they arrive, decoded late.
class FanoutRound
{
public:
    explicit FanoutRound(OperatorFleet& fleet) : fleet_(fleet), lines_(fleet.size(), 0) {}

    void start()
    {
        current_ = 0;
        ringsSeen_ = ackAcksSeen_ = 0;
        withBoth_ = 0;
        std::fill(lines_.begin(), lines_.end(), 0);
        pending_.clear();
        lastRing_ = lastAckAck_ = Clock::time_point{};
    }

    void onLine(std::size_t index, std::string line, Clock::time_point at)
    {
        if (index == 0) // the operator that accepts: at once
            return handle(0, fleet_.at(0).decode(line), at);
        pending_.push_back({index, std::move(line), at});
        if (++lines_[index] == 2) // a ring and a ringACKACK, unless a probe came between
            ++withBoth_;
    }

    /// True when every operator has the ring and the ringACKACK of this round. Once every
    /// operator has two lines, decodes a few of them per call, so that the event loop notes
    /// the arrival of any later line (a probe came between) in time.
    bool complete()
    {
        if (current_ == 0 || withBoth_ + 1 < fleet_.size())
            return false;
        for (std::size_t n = 0; n < kDecodeSlice && !pending_.empty(); ++n) {
            const Line& next = pending_.front();
            handle(next.index, fleet_.at(next.index).decode(next.line), next.at);
            pending_.pop_front();
        }
        return pending_.empty() && ringsSeen_ == fleet_.size() && ackAcksSeen_ == fleet_.size();
    }

    /// When the event loop should look again without waiting: now while lines wait to be decoded.
    Clock::time_point nextWake() const
    {
        return pending_.empty() || withBoth_ + 1 < fleet_.size() ? Clock::time_point::max() : Clock::now();
    }

    std::int64_t ring() const { return current_; }
    std::size_t ringsSeen() const { return ringsSeen_; }
    std::size_t ackAcksSeen() const { return ackAcksSeen_; }
    Clock::time_point lastRing() const { return lastRing_; }
    Clock::time_point lastAckAck() const { return lastAckAck_; }

private:
    struct Line
    {
        std::size_t index;
        std::string line;
        Clock::time_point at;
    };

    void handle(std::size_t index, const nlchat::Packet& packet, Clock::time_point at)
    {
        operator_client::NlchatClient& connection = fleet_.at(index);
        if (const auto* ring = std::get_if<nlchat::Ring>(&packet)) {
            if (index == 0 && current_ == 0) {
                current_ = ring->id;
                connection.send(nlchat::RingAck{connection.uuid(), ring->id});
            }
            if (ring->id != current_)
                return;
            ++ringsSeen_;
            lastRing_ = std::max(lastRing_, at);
        } else if (const auto* won = std::get_if<nlchat::RingAckAck>(&packet); won && won->id == current_) {
            ++ackAcksSeen_;
            lastAckAck_ = std::max(lastAckAck_, at);
        } else if (std::holds_alternative<nlchat::Probe>(packet)) {
            connection.send(nlchat::ProbeAck{connection.uuid()});
        }
    }

    static constexpr std::size_t kDecodeSlice = 16;

    OperatorFleet& fleet_;
    std::vector<std::size_t> lines_; // lines of this round per operator
    std::size_t withBoth_ = 0;       // operators (other than 0) with two lines
    std::deque<Line> pending_;
    std::int64_t current_ = 0;       // ring id of this round, once operator 0 has it
    std::size_t ringsSeen_ = 0;
    std::size_t ackAcksSeen_ = 0;
    Clock::time_point lastRing_{};
    Clock::time_point lastAckAck_{};
};

FanoutResult measure(Context& ctx, std::size_t operators, bool rsa, std::size_t rings)
{
    std::vector<std::string> defines = baseDefines();
    defines.push_back("ringdesk.chat.maxPerOperator=1000");
    BenchServer server(ctx.options.serverBin, ctx.workDir, ctx.accounts, defines);
    FleetOptions fleetOptions;
    fleetOptions.port = server.operatorPort();
    fleetOptions.count = operators;
    if (rsa)
        fleetOptions.encryption = operator_client::Encryption{protocol::RsaPrivateKey::generate(2048),
                                                              protocol::RsaPublicKey::fromPem(server.publicKeyPem())};
    OperatorFleet fleet(fleetOptions);
    EventLoop loop;

    FanoutResult result;
    FanoutRound round(fleet);
    fleet.attachLines(loop, [&](std::size_t index, std::string line) {
        round.onLine(index, std::move(line), loop.batchTime());
    });

    for (std::size_t i = 0; i < rings; ++i) {
        BenchVisitor visitor("127.0.0.1", server.httpPort(), std::chrono::seconds(10));
        visitor.hello("fan-out " + std::to_string(i), std::chrono::seconds(10));
        round.start();
        const Clock::time_point start = Clock::now();
        visitor.send(visitor::SendMsg{"hello, anyone there?"});
        if (!loop.runUntil([&] { return round.complete(); }, start + std::chrono::seconds(30),
                           [&] { return round.nextWake(); }))
            throw std::runtime_error("fan-out to " + std::to_string(operators) + " operators: " +
                                     std::to_string(round.ringsSeen()) + " rings, " +
                                     std::to_string(round.ackAcksSeen()) + " ringACKACKs in 30 s");
        result.lastRingMs.add(std::chrono::duration<double, std::milli>(round.lastRing() - start).count());
        result.lastAckAckMs.add(std::chrono::duration<double, std::milli>(round.lastAckAck() - start).count());
        fleet.at(0).send(nlchat::Disassociate{fleet.at(0).uuid(), round.ring()});
    }
    fleet.detach(loop);
    server.checkRunning();
    return result;
}

} // namespace

void runFanoutScenario(Context& ctx)
{
    std::vector<std::size_t> sizes;
    if (ctx.options.smoke) {
        sizes = {ctx.options.operators};
    } else {
        if (ctx.options.operators > 100)
            sizes.push_back(100);
        sizes.push_back(ctx.options.operators);
    }
    ctx.accounts.ensure(sizes.back());
    for (const bool rsa : {false, true}) {
        for (const std::size_t operators : sizes) {
            const std::size_t rings = ctx.options.smoke ? 2 : (rsa ? 5 : 30);
            const FanoutResult result = measure(ctx, operators, rsa, rings);
            const std::string mode = rsa ? "RSA" : "plain";
            const double goal = rsa ? 30 : 10;
            Row ring;
            ring.scenario = "fanout";
            ring.setting = std::to_string(operators) + " operators, " + mode + ": last ring delivered";
            ring.median = result.lastRingMs.median();
            ring.p99 = result.lastRingMs.percentile(99);
            ring.unit = "ms";
            ring.note = std::to_string(rings) + " rings";
            if (operators >= 1000) {
                ring.goal = "p99 <= " + formatNumber(goal) + " ms";
                ring.met = ring.p99 <= goal;
            }
            if (rsa)
                ring.note += "; decrypted after arrival";
            ctx.report.add(ring);
            Row ack = ring;
            ack.setting = std::to_string(operators) + " operators, " + mode + ": last ringACKACK delivered";
            ack.median = result.lastAckAckMs.median();
            ack.p99 = result.lastAckAckMs.percentile(99);
            ack.goal.clear();
            ack.met.reset();
            ctx.report.add(ack);
        }
    }
}

} // namespace ringdesk::bench
