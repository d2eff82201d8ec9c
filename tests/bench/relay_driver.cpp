#include "relay_driver.h"

#include "payload.h"

#include <vector>

namespace ringdesk::bench {
namespace {

constexpr auto kSlice = std::chrono::milliseconds(100);
constexpr auto kDrain = std::chrono::seconds(2);

} // namespace

RelayResult runRelay(RelayTransport& transport, EventLoop& loop, const RelayRun& run)
{
    static std::uint32_t runCounter = 0;
    const std::uint32_t runId = ++runCounter;
    const bool closedLoop = run.offeredRate <= 0;
    const std::size_t pairs = transport.pairs();

    RelayResult result;
    const Clock::time_point start = Clock::now();
    const Clock::time_point measureFrom = start + run.warmup;
    const Clock::time_point measureTo = measureFrom + run.duration;
    const std::int64_t fromNs = std::chrono::duration_cast<std::chrono::nanoseconds>(measureFrom.time_since_epoch()).count();
    const std::int64_t toNs = std::chrono::duration_cast<std::chrono::nanoseconds>(measureTo.time_since_epoch()).count();
    std::vector<std::size_t> slices(static_cast<std::size_t>(run.duration / kSlice) + 1, 0);
    std::size_t inFlight = 0;
    bool sending = true;

    auto sendOne = [&](std::size_t pair) {
        transport.send(pair, makePayload({runId, pair, nowNs()}));
        ++inFlight;
        ++result.sent;
    };

    transport.attach(loop, [&](std::size_t pair, std::string_view text) {
        const auto stamp = parsePayload(text);
        if (!stamp || stamp->run != runId)
            return; // an echo, or a straggler of an earlier run
        --inFlight;
        const std::int64_t now = nowNs();
        if (now >= fromNs && now < toNs) {
            ++result.received;
            result.latencyUs.add(static_cast<double>(now - stamp->sentNs) / 1000.0);
            slices[static_cast<std::size_t>((now - fromNs) / 100000000)]++;
        }
        if (closedLoop && sending)
            sendOne(pair);
    });

    if (closedLoop) {
        for (std::size_t w = 0; w < run.window; ++w)
            for (std::size_t pair = 0; pair < pairs; ++pair)
                sendOne(pair);
        loop.runUntil([] { return false; }, measureTo);
    } else {
        const auto interval = std::chrono::duration_cast<Clock::duration>(
            std::chrono::duration<double>(1.0 / run.offeredRate));
        Clock::time_point nextSend = start;
        std::size_t nextPair = 0;
        auto due = [&] {
            const Clock::time_point now = Clock::now();
            while (nextSend <= now && now < measureTo) {
                sendOne(nextPair);
                nextPair = (nextPair + 1) % pairs;
                nextSend += interval;
            }
            return nextSend;
        };
        loop.runUntil([] { return false; }, measureTo, due);
    }
    sending = false;
    loop.runUntil([&] { return inFlight == 0; }, Clock::now() + kDrain);
    transport.detach(loop);

    const double seconds = std::chrono::duration<double>(run.duration).count();
    result.rate = static_cast<double>(result.received) / seconds;
    for (std::size_t i = 0; i + 1 < slices.size(); ++i) // the last slice is partial
        result.sliceRates.add(static_cast<double>(slices[i]) * 10.0);
    return result;
}

} // namespace ringdesk::bench
