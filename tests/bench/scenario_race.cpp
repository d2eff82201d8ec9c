// Scenario 4: the ringACK race. R visitors send their first message at once (R = operators, each
// operator takes one chat), and every operator answers every ring it gets with ringACK at once.
// Counted from the ringACKACKs every operator receives:
//  - double associations: a ring with two different winners, or an operator holding more chats
//    than ringdesk.chat.maxPerOperator;
//  - lost rings: a visitor's ring that no operator won within 15 s, although a free operator
//    remained (R = operators, so there always is one until every ring is won).

#include "bench_visitor.h"
#include "operator_fleet.h"
#include "scenarios.h"
#include "stats.h"

#include <map>
#include <memory>
#include <set>

namespace ringdesk::bench {
namespace {

struct RaceResult
{
    std::size_t rings = 0;
    std::size_t doubleAssociations = 0;
    std::size_t lost = 0;
    double settleMs = 0;
};

RaceResult race(Context& ctx, std::size_t operators)
{
    std::vector<std::string> defines = baseDefines();
    defines.push_back("ringdesk.chat.maxPerOperator=1");
    BenchServer server(ctx.options.serverBin, ctx.workDir, ctx.accounts, defines);
    FleetOptions fleetOptions;
    fleetOptions.port = server.operatorPort();
    fleetOptions.count = operators;
    OperatorFleet fleet(fleetOptions);
    std::vector<std::unique_ptr<BenchVisitor>> visitors;
    for (std::size_t i = 0; i < operators; ++i) {
        visitors.push_back(std::make_unique<BenchVisitor>("127.0.0.1", server.httpPort(), std::chrono::seconds(10)));
        visitors.back()->hello("racer " + std::to_string(i), std::chrono::seconds(10));
    }

    EventLoop loop;
    std::map<std::int64_t, std::set<std::string>> winners; // ring id → winning UUIDs seen
    std::set<std::int64_t> rung;
    fleet.attach(loop, [&](std::size_t index, const nlchat::Packet& packet) {
        operator_client::NlchatClient& op = fleet.at(index);
        if (const auto* ring = std::get_if<nlchat::Ring>(&packet)) {
            rung.insert(ring->id);
            op.send(nlchat::RingAck{op.uuid(), ring->id});
        } else if (const auto* won = std::get_if<nlchat::RingAckAck>(&packet); won && !won->uuid.empty()) {
            winners[won->id].insert(won->uuid);
        }
    });
    for (const auto& visitor : visitors)
        loop.add(visitor->fd(), [v = visitor.get()] { v->readFrame(); });

    const Clock::time_point start = Clock::now();
    for (const auto& visitor : visitors)
        visitor->send(visitor::SendMsg{"who takes me?"});
    loop.runUntil([&] { return winners.size() == operators; }, start + std::chrono::seconds(15));
    const double settleMs = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
    // Late or repeated ringACKACKs would show a double association: give them a moment.
    loop.runUntil([] { return false; }, Clock::now() + std::chrono::milliseconds(300));
    server.checkRunning();

    RaceResult result;
    result.rings = operators;
    result.settleMs = settleMs;
    std::map<std::string, std::size_t> chatsPerOperator;
    for (const auto& [id, uuids] : winners) {
        if (uuids.size() > 1)
            ++result.doubleAssociations;
        for (const std::string& uuid : uuids)
            ++chatsPerOperator[uuid];
    }
    for (const auto& [uuid, chats] : chatsPerOperator)
        if (chats > 1)
            result.doubleAssociations += chats - 1;
    result.lost = operators - std::min(operators, winners.size());
    fleet.detach(loop);
    return result;
}

} // namespace

void runRaceScenario(Context& ctx)
{
    const std::size_t operators = ctx.options.smoke ? std::min<std::size_t>(ctx.options.operators, 10)
                                                    : std::min<std::size_t>(ctx.options.operators, 200);
    const std::size_t rounds = ctx.options.smoke ? 1 : 3;
    ctx.accounts.ensure(operators);
    Samples doubles;
    Samples lost;
    Samples settle;
    std::size_t totalDoubles = 0;
    std::size_t totalLost = 0;
    for (std::size_t round = 0; round < rounds; ++round) {
        const RaceResult result = race(ctx, operators);
        doubles.add(static_cast<double>(result.doubleAssociations));
        lost.add(static_cast<double>(result.lost));
        settle.add(result.settleMs);
        totalDoubles += result.doubleAssociations;
        totalLost += result.lost;
    }
    const std::string setting = std::to_string(operators) + " rings x " + std::to_string(operators) +
                                " operators all accepting, " + std::to_string(rounds) + " rounds";
    Row d;
    d.scenario = "race";
    d.setting = "double associations, " + setting;
    d.median = doubles.median();
    d.p99 = doubles.max();
    d.unit = "count/round";
    d.goal = "0";
    d.met = totalDoubles == 0;
    d.note = "total " + std::to_string(totalDoubles);
    ctx.report.add(d);
    Row l = d;
    l.setting = "lost rings, " + setting;
    l.median = lost.median();
    l.p99 = lost.max();
    l.met = totalLost == 0;
    l.note = "total " + std::to_string(totalLost);
    ctx.report.add(l);
    Row s;
    s.scenario = "race";
    s.setting = "time until every ring is won";
    s.median = settle.median();
    s.p99 = settle.max();
    s.unit = "ms";
    ctx.report.add(s);
    if (totalDoubles != 0 || totalLost != 0)
        ctx.correctnessFailure = true;
}

} // namespace ringdesk::bench
