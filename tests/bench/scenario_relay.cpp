// Scenario 1: visitor → operator relay through ringdesk-server against the minimal epoll relay
// and Mosquitto, closed loop and at fixed offered rates, then at half the maximum rate with
// the idle visitors attached.

#include "baselines.h"
#include "bench_visitor.h"
#include "ringdesk_transport.h"
#include "scenarios.h"

#include <iostream>
#include <memory>

namespace ringdesk::bench {
namespace {

constexpr const char* kName = "relay";

Row rateRow(const std::string& setting, const RelayResult& result)
{
    Row row;
    row.scenario = kName;
    row.setting = setting;
    row.median = result.sliceRates.median();
    row.p99 = result.sliceRates.percentile(1);
    row.unit = "msg/s";
    return row;
}

Row latencyRow(const std::string& setting, const RelayResult& result)
{
    Row row;
    row.scenario = kName;
    row.setting = setting;
    row.median = result.latencyUs.median() / 1000.0;
    row.p99 = result.latencyUs.percentile(99) / 1000.0;
    row.unit = "ms one-way";
    row.note = std::to_string(result.received) + " msgs";
    return row;
}

} // namespace

void runRelayScenario(Context& ctx)
{
    const std::size_t pairs = ctx.options.pairs;
    ctx.accounts.ensure(pairs);
    RelayRun closed;
    closed.warmup = ctx.warmup();
    closed.duration = ctx.measure();

    const BaselineResults baselines = runBaselines(ctx, pairs, closed);
    const std::string pairText = std::to_string(pairs) + " pairs";
    Row epollRow = rateRow("minimal epoll relay, closed loop, " + pairText, baselines.epoll);
    ctx.report.add(epollRow);
    if (baselines.mosquitto) {
        ctx.report.add(rateRow("Mosquitto QoS 0, closed loop, " + pairText, *baselines.mosquitto));
    } else {
        Row missing;
        missing.scenario = kName;
        missing.setting = "Mosquitto";
        missing.note = "mosquitto is not installed: apt-get install mosquitto";
        ctx.report.add(missing);
    }

    std::vector<std::string> defines = baseDefines();
    defines.push_back("ringdesk.chat.maxPerOperator=1");
    BenchServer server(ctx.options.serverBin, ctx.workDir, ctx.accounts, defines);
    FleetOptions fleetOptions;
    fleetOptions.port = server.operatorPort();
    fleetOptions.count = pairs;
    OperatorFleet fleet(fleetOptions);
    RingdeskTransport transport(fleet, "127.0.0.1", server.httpPort(),
                                RingdeskTransport::Direction::VisitorToOperator);
    EventLoop loop;

    const RelayResult max = runRelay(transport, loop, closed);
    server.checkRunning();
    Row ours = rateRow("ringdesk, closed loop, " + pairText, max);
    ours.ratio = max.sliceRates.median() / std::max(1.0, baselines.epoll.sliceRates.median());
    ours.baseline = "epoll relay";
    ours.goal = ">= 0.3x";
    ours.met = *ours.ratio >= 0.3;
    ctx.report.add(ours);
    if (baselines.mosquitto) {
        Row vsMqtt = ours;
        vsMqtt.ratio = max.sliceRates.median() / std::max(1.0, baselines.mosquitto->sliceRates.median());
        vsMqtt.baseline = "Mosquitto";
        vsMqtt.goal = ">= 1.2x";
        vsMqtt.met = *vsMqtt.ratio >= 1.2;
        ctx.report.add(vsMqtt);
    }
    ctx.report.add(latencyRow("ringdesk latency, closed loop (window 4/pair)", max));

    const double half = std::max(10.0, max.rate / 2);
    RelayRun fixed = closed;
    fixed.offeredRate = half;
    const std::string rateText = std::to_string(static_cast<long>(half)) + " msg/s offered";
    const RelayResult epollHalf = runEpollAtRate(ctx, pairs, fixed);
    ctx.report.add(latencyRow("epoll relay latency at " + rateText, epollHalf));
    RelayRun quarter = closed;
    quarter.offeredRate = half / 2;
    const RelayResult q = runRelay(transport, loop, quarter);
    ctx.report.add(latencyRow("ringdesk latency at " + std::to_string(static_cast<long>(half / 2)) +
                              " msg/s offered", q));
    const RelayResult h = runRelay(transport, loop, fixed);
    Row halfRow = latencyRow("ringdesk latency at " + rateText + " (half max)", h);
    halfRow.ratio = h.latencyUs.percentile(99) / std::max(1.0, epollHalf.latencyUs.percentile(99));
    halfRow.baseline = "epoll relay p99";
    ctx.report.add(halfRow);

    // The same rate with idle visitors attached (each one a WebSocket that said hello).
    std::vector<std::unique_ptr<BenchVisitor>> idle;
    std::string idleNote;
    try {
        for (std::size_t i = 0; i < ctx.options.visitors; ++i) {
            idle.push_back(std::make_unique<BenchVisitor>("127.0.0.1", server.httpPort(), std::chrono::seconds(10)));
            idle.back()->hello("idle " + std::to_string(i), std::chrono::seconds(10));
        }
    } catch (const std::exception& e) {
        idleNote = "only " + std::to_string(idle.size()) + " idle visitors could attach: " + e.what();
        if (!idle.empty())
            idle.pop_back();
    }
    server.checkRunning();
    const RelayResult loaded = runRelay(transport, loop, fixed);
    Row loadedRow = latencyRow("ringdesk latency at " + rateText + ", " + std::to_string(idle.size()) +
                               " idle visitors", loaded);
    loadedRow.goal = "p99 <= 2 ms with " + std::to_string(ctx.options.visitors) + " idle";
    loadedRow.met = idle.size() == ctx.options.visitors && loaded.latencyUs.percentile(99) <= 2000;
    loadedRow.note += idleNote.empty() ? "" : "; " + idleNote;
    ctx.report.add(loadedRow);
    server.checkRunning();
}

} // namespace ringdesk::bench
