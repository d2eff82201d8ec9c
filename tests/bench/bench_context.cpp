#include "bench_context.h"

namespace ringdesk::bench {

std::vector<std::string> baseDefines(bool probes)
{
    // Every simulated client comes from the loopback address: the per-address limits are
    // lifted to the fleet's size, so the figures measure relaying, not the limits.
    std::vector<std::string> defines{"ringdesk.http.maxConnections=30000",
                                     "ringdesk.operator.maxConnections=5000",
                                     "ringdesk.operator.maxConnectionsPerAddress=5000",
                                     "ringdesk.visitor.maxConnectionsPerAddress=30000",
                                     "ringdesk.visitor.connectionsPerMinute=1000000",
                                     "ringdesk.visitor.conversationsPerHour=1000000",
                                     "ringdesk.visitor.messagesPerSecond=1000000",
                                     "ringdesk.visitor.messageBurst=1000000",
                                     "ringdesk.visitor.idleTimeoutSeconds=3600"};
    if (!probes) {
        defines.push_back("ringdesk.presence.probeAfterMs=3600000");
    }
    return defines;
}

} // namespace ringdesk::bench
