// Scenario 5: RSA compatibility mode. Operators in raw mode send chat messages as fast as the
// pairs allow; the server must decrypt every block with its private key. The baseline is this
// machine's RSA-2048 private-operation rate measured in the same run, on 1 and on 2 threads.

#include "protocol/raw_packet.h"
#include "relay_driver.h"
#include "ringdesk_transport.h"
#include "rsa_rate.h"
#include "scenarios.h"

#include <thread>

namespace ringdesk::bench {

void runRsaScenario(Context& ctx)
{
    constexpr const char* kName = "rsa";
    const std::size_t pairs = ctx.options.pairs;
    ctx.accounts.ensure(pairs);
    const auto rateTime = ctx.options.smoke ? std::chrono::milliseconds(200) : std::chrono::milliseconds(2000);
    const protocol::RsaPrivateKey probeKey = protocol::RsaPrivateKey::generate(2048);
    const double oneCore = measurePrivateOpRate(probeKey, 1, rateTime);
    const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
    const double allCores = measurePrivateOpRate(probeKey, cores, rateTime);

    Row base1;
    base1.scenario = kName;
    base1.setting = "RSA-2048 private ops, 1 thread";
    base1.median = base1.p99 = oneCore;
    base1.unit = "op/s";
    ctx.report.add(base1);
    Row baseAll = base1;
    baseAll.setting = "RSA-2048 private ops, " + std::to_string(cores) + " threads";
    baseAll.median = baseAll.p99 = allCores;
    ctx.report.add(baseAll);

    std::vector<std::string> defines = baseDefines();
    defines.push_back("ringdesk.chat.maxPerOperator=1");
    BenchServer server(ctx.options.serverBin, ctx.workDir, ctx.accounts, defines);
    FleetOptions fleetOptions;
    fleetOptions.port = server.operatorPort();
    fleetOptions.count = pairs;
    fleetOptions.encryption = operator_client::Encryption{protocol::RsaPrivateKey::generate(2048),
                                                          protocol::RsaPublicKey::fromPem(server.publicKeyPem())};
    OperatorFleet fleet(fleetOptions);
    RingdeskTransport transport(fleet, "127.0.0.1", server.httpPort(),
                                RingdeskTransport::Direction::OperatorToVisitor);

    // Blocks per operator packet: the msg packet's JSON, cut into 214-byte chunks.
    const auto sample = protocol::sealRawPacket(
        nlchat::encode(nlchat::Msg{{std::string(150, 'x')}, nlchat::Direction::Out,
                                   fleet.at(0).uuid(), 1000, 0, 0}),
        fleetOptions.encryption->serverKey, fleet.at(0).uuid(), protocol::kServerName);
    const double blocks = static_cast<double>(sample.messages.size());

    EventLoop loop;
    RelayRun run;
    run.warmup = ctx.warmup();
    run.duration = ctx.measure();
    const RelayResult result = runRelay(transport, loop, run);
    server.checkRunning();

    Row packets;
    packets.scenario = kName;
    packets.setting = "encrypted operator msg packets, closed loop, " + std::to_string(pairs) + " operators";
    packets.median = result.sliceRates.median();
    packets.p99 = result.sliceRates.percentile(1);
    packets.unit = "packet/s";
    packets.note = std::to_string(static_cast<int>(blocks)) + " RSA blocks per packet";
    ctx.report.add(packets);

    Row ops = packets;
    ops.setting = "server private ops for those packets";
    ops.median *= blocks;
    ops.p99 *= blocks;
    ops.unit = "op/s";
    ops.ratio = ops.median / std::max(1.0, allCores);
    ops.baseline = std::to_string(cores) + "-thread op rate";
    ops.goal = ">= 0.8x";
    ops.met = *ops.ratio >= 0.8;
    ops.note = "the benchmark client shares the cores (it encrypts, the server decrypts)";
    ctx.report.add(ops);
    Row latency;
    latency.scenario = kName;
    latency.setting = "operator -> visitor latency, closed loop";
    latency.median = result.latencyUs.median() / 1000;
    latency.p99 = result.latencyUs.percentile(99) / 1000;
    latency.unit = "ms one-way";
    ctx.report.add(latency);
}

} // namespace ringdesk::bench
