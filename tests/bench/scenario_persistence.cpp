// Scenario 6: the cost of storing transcripts. The server cannot run without its database, so
// the relay is measured with the SQLite file on disk (the data folder) against the same run
// with the file on /dev/shm (tmpfs: the same SQL work, no disk I/O). WAL mode and
// synchronous=NORMAL are the server's own settings in both runs.

#include "relay_driver.h"
#include "ringdesk_transport.h"
#include "scenarios.h"

namespace ringdesk::bench {
namespace {

RelayResult measure(Context& ctx, const std::string& databaseDir)
{
    std::vector<std::string> defines = baseDefines();
    defines.push_back("ringdesk.chat.maxPerOperator=1");
    BenchServer server(ctx.options.serverBin, ctx.workDir, ctx.accounts, defines, databaseDir);
    FleetOptions fleetOptions;
    fleetOptions.port = server.operatorPort();
    fleetOptions.count = ctx.options.pairs;
    OperatorFleet fleet(fleetOptions);
    RingdeskTransport transport(fleet, "127.0.0.1", server.httpPort(),
                                RingdeskTransport::Direction::VisitorToOperator);
    EventLoop loop;
    RelayRun run;
    run.warmup = ctx.warmup();
    run.duration = ctx.measure();
    RelayResult result = runRelay(transport, loop, run);
    server.checkRunning();
    return result;
}

} // namespace

void runPersistenceScenario(Context& ctx)
{
    ctx.accounts.ensure(ctx.options.pairs);
    const RelayResult memory = measure(ctx, "/dev/shm");
    const RelayResult disk = measure(ctx, "");
    const std::string pairs = std::to_string(ctx.options.pairs) + " pairs, closed loop";

    Row shm;
    shm.scenario = "persistence";
    shm.setting = "database on /dev/shm (tmpfs), " + pairs;
    shm.median = memory.sliceRates.median();
    shm.p99 = memory.sliceRates.percentile(1);
    shm.unit = "msg/s";
    ctx.report.add(shm);

    Row onDisk = shm;
    onDisk.setting = "database on disk (data folder), " + pairs;
    onDisk.median = disk.sliceRates.median();
    onDisk.p99 = disk.sliceRates.percentile(1);
    onDisk.ratio = onDisk.median / std::max(1.0, shm.median);
    onDisk.baseline = "/dev/shm run";
    onDisk.goal = ">= 0.9x (storing costs <= 10 %)";
    onDisk.met = *onDisk.ratio >= 0.9;
    onDisk.note = "both runs store every message; the server has no switch to turn storing off";
    ctx.report.add(onDisk);
}

} // namespace ringdesk::bench
