#include "rsa_rate.h"

#include "protocol/raw_packet.h"

#include <atomic>
#include <thread>
#include <vector>

namespace ringdesk::bench {

double measurePrivateOpRate(const protocol::RsaPrivateKey& key, unsigned threads,
                            std::chrono::milliseconds duration)
{
    const protocol::RawEnvelope envelope =
        protocol::sealRawPacket(std::string(100, 'x'), key.publicKey(), "bench", protocol::kServerName);
    std::atomic<bool> stop{false};
    std::atomic<long> done{0};
    std::vector<std::thread> workers;
    const auto start = std::chrono::steady_clock::now();
    for (unsigned t = 0; t < threads; ++t) {
        workers.emplace_back([&] {
            long count = 0;
            while (!stop.load(std::memory_order_relaxed)) {
                protocol::openRawPacket(envelope, key, protocol::kServerName);
                ++count;
            }
            done += count;
        });
    }
    std::this_thread::sleep_for(duration);
    stop = true;
    for (std::thread& worker : workers)
        worker.join();
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return static_cast<double>(done.load()) / seconds;
}

} // namespace ringdesk::bench
