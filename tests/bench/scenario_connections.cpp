// Scenario 3: the cost of held connections. Idle visitors (WebSocket + hello) and logged-in
// operators (answering the server's presence probes, which stay on) are held; the server's RSS
// growth per connection and its CPU use while nothing else happens are read from /proc.

#include "bench_visitor.h"
#include "operator_fleet.h"
#include "proc_stats.h"
#include "scenarios.h"

#include <memory>

namespace ringdesk::bench {

void runConnectionsScenario(Context& ctx)
{
    constexpr const char* kName = "connections";
    const std::size_t operators = ctx.options.operators;
    const std::size_t visitors = ctx.options.visitors;
    ctx.accounts.ensure(operators);
    BenchServer server(ctx.options.serverBin, ctx.workDir, ctx.accounts, baseDefines(true));
    EventLoop loop;
    const auto settle = [&](std::chrono::milliseconds time) {
        loop.runUntil([] { return false; }, Clock::now() + time);
    };
    settle(std::chrono::milliseconds(500));
    const long rssBefore = residentKiB(server.pid());
    const long threadsBefore = threadCount(server.pid());

    FleetOptions fleetOptions;
    fleetOptions.port = server.operatorPort();
    fleetOptions.count = operators;
    OperatorFleet fleet(fleetOptions);
    fleet.attach(loop, [](std::size_t, const nlchat::Packet&) {});

    std::vector<std::unique_ptr<BenchVisitor>> held;
    std::string failure;
    try {
        for (std::size_t i = 0; i < visitors; ++i) {
            held.push_back(std::make_unique<BenchVisitor>("127.0.0.1", server.httpPort(), std::chrono::seconds(10)));
            held.back()->hello("idle " + std::to_string(i), std::chrono::seconds(10));
            // Operators must keep answering probes while visitors are being connected.
            if (i % 50 == 0)
                settle(std::chrono::milliseconds(1));
        }
    } catch (const std::exception& e) {
        failure = "visitor " + std::to_string(held.size()) + " failed: " + e.what();
        if (!held.empty())
            held.pop_back();
    }
    server.checkRunning();
    settle(std::chrono::seconds(ctx.options.smoke ? 1 : 3));
    const long rssAfter = residentKiB(server.pid());
    const long threadsAfter = threadCount(server.pid());
    const std::size_t connections = held.size() + operators;

    const auto idleTime = std::chrono::seconds(ctx.options.smoke ? 2 : 15);
    const double cpuBefore = cpuSeconds(server.pid());
    const Clock::time_point start = Clock::now();
    settle(idleTime);
    const double elapsed = std::chrono::duration<double>(Clock::now() - start).count();
    const double cpuPercent = (cpuSeconds(server.pid()) - cpuBefore) / elapsed * 100.0;
    server.checkRunning();

    const std::string held_text = std::to_string(held.size()) + " visitors + " + std::to_string(operators) + " operators";
    Row rss;
    rss.scenario = kName;
    rss.setting = "server RSS growth per connection, " + held_text;
    rss.median = rss.p99 = static_cast<double>(rssAfter - rssBefore) / static_cast<double>(std::max<std::size_t>(1, connections));
    rss.unit = "KiB";
    rss.goal = "<= 32 KiB at " + std::to_string(visitors) + " + " + std::to_string(operators);
    rss.met = failure.empty() && rss.median <= 32;
    rss.note = "RSS " + std::to_string(rssBefore / 1024) + " -> " + std::to_string(rssAfter / 1024) +
               " MiB; threads " + std::to_string(threadsBefore) + " -> " + std::to_string(threadsAfter) +
               (failure.empty() ? "" : "; " + failure);
    ctx.report.add(rss);
    Row cpu;
    cpu.scenario = kName;
    cpu.setting = "server idle CPU, " + held_text + ", probes on";
    cpu.median = cpu.p99 = cpuPercent;
    cpu.unit = "% of one core";
    cpu.goal = "<= 5 %";
    cpu.met = failure.empty() && cpuPercent <= 5;
    cpu.note = "over " + formatNumber(elapsed) + " s";
    ctx.report.add(cpu);
}

} // namespace ringdesk::bench
