// Scenario 2: ring fan-out. A visitor's first message rings every logged-in operator; operator 0
// accepts at once. Measured per ring, from the visitor's send: when the last operator has the
// ring, and when the last operator has the ringACKACK. Arrival is the moment epoll reported the
// operator's socket readable, so the benchmark's own decoding (and, in RSA mode, decrypting:
// one private op per packet on the benchmark's single thread) delays what it can observe: the
// RSA figures are upper bounds.

#include "bench_visitor.h"
#include "operator_fleet.h"
#include "payload.h"
#include "protocol/raw_packet.h"
#include "scenarios.h"
#include "stats.h"

#include <memory>

namespace ringdesk::bench {
namespace {

struct FanoutResult
{
    Samples lastRingMs;
    Samples lastAckAckMs;
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
    std::int64_t current = 0; // ring id of this round, once known
    std::size_t ringsSeen = 0;
    std::size_t ackAcksSeen = 0;
    Clock::time_point lastRing{};
    Clock::time_point lastAckAck{};
    fleet.attach(loop, [&](std::size_t index, const nlchat::Packet& packet) {
        if (const auto* ring = std::get_if<nlchat::Ring>(&packet)) {
            if (current == 0)
                current = ring->id;
            if (ring->id != current)
                return;
            ++ringsSeen;
            lastRing = loop.batchTime();
            if (index == 0)
                fleet.at(0).send(nlchat::RingAck{fleet.at(0).uuid(), ring->id});
        } else if (const auto* won = std::get_if<nlchat::RingAckAck>(&packet); won && won->id == current) {
            ++ackAcksSeen;
            lastAckAck = loop.batchTime();
        }
    });

    for (std::size_t round = 0; round < rings; ++round) {
        BenchVisitor visitor("127.0.0.1", server.httpPort(), std::chrono::seconds(10));
        visitor.hello("fan-out " + std::to_string(round), std::chrono::seconds(10));
        current = 0;
        ringsSeen = ackAcksSeen = 0;
        const Clock::time_point start = Clock::now();
        visitor.send(visitor::SendMsg{"hello, anyone there?"});
        if (!loop.runUntil([&] { return ringsSeen == operators && ackAcksSeen == operators; },
                           start + std::chrono::seconds(30)))
            throw std::runtime_error("fan-out to " + std::to_string(operators) + " operators: " +
                                     std::to_string(ringsSeen) + " rings, " + std::to_string(ackAcksSeen) +
                                     " ringACKACKs in 30 s");
        result.lastRingMs.add(std::chrono::duration<double, std::milli>(lastRing - start).count());
        result.lastAckAckMs.add(std::chrono::duration<double, std::milli>(lastAckAck - start).count());
        fleet.at(0).send(nlchat::Disassociate{fleet.at(0).uuid(), current});
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
                ring.note += "; upper bound: the benchmark decrypts each ring on one thread";
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
