// Scenario 6: the cost of storing transcripts. The relay is measured with every message stored
// (the default) against the same relay with ringdesk.chat.storeTranscripts=false (messages are
// numbered and the conversation row follows them, but no text is written). The two settings
// alternate (off, on, on, off) and each pools its runs' 100 ms slices, so that a drift of the
// machine during the scenario weighs on both. One more stored run puts the SQLite file on
// /dev/shm (tmpfs: the same SQL work without the disk), to show what the disk adds.

#include "relay_driver.h"
#include "ringdesk_transport.h"
#include "scenarios.h"

namespace ringdesk::bench {
namespace {

RelayResult measure(Context& ctx, bool storeTranscripts, const std::string& databaseDir = {})
{
    std::vector<std::string> defines = baseDefines();
    defines.push_back("ringdesk.chat.maxPerOperator=1");
    defines.push_back(std::string("ringdesk.chat.storeTranscripts=") + (storeTranscripts ? "true" : "false"));
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

Row rateRow(const std::string& setting, const Samples& slices)
{
    Row row;
    row.scenario = "persistence";
    row.setting = setting;
    row.median = slices.median();
    row.p99 = slices.percentile(1);
    row.unit = "msg/s";
    return row;
}

} // namespace

void runPersistenceScenario(Context& ctx)
{
    ctx.accounts.ensure(ctx.options.pairs);
    Samples off;
    Samples on;
    for (const bool store : {false, true, true, false}) {
        const RelayResult run = measure(ctx, store);
        for (double slice : run.sliceRates.values())
            (store ? on : off).add(slice);
    }
    const RelayResult shm = measure(ctx, true, "/dev/shm");
    const std::string pairs = std::to_string(ctx.options.pairs) + " pairs, closed loop";

    const Row baseline = rateRow("transcripts not stored (storeTranscripts=false), " + pairs + ", 2 runs", off);
    ctx.report.add(baseline);
    Row stored = rateRow("transcripts stored (default), database on disk, " + pairs + ", 2 runs", on);
    stored.ratio = stored.median / std::max(1.0, baseline.median);
    stored.baseline = "not stored";
    stored.goal = ">= 0.9x (storing costs <= 10 %)";
    stored.met = *stored.ratio >= 0.9;
    ctx.report.add(stored);
    Row tmpfs = rateRow("transcripts stored, database on /dev/shm (tmpfs), " + pairs, shm.sliceRates);
    tmpfs.ratio = tmpfs.median / std::max(1.0, baseline.median);
    tmpfs.baseline = "not stored";
    ctx.report.add(tmpfs);
}

} // namespace ringdesk::bench
