#include "bench_context.h"

namespace ringdesk::bench {

std::vector<std::string> baseDefines(bool probes)
{
    std::vector<std::string> defines{"ringdesk.http.maxConnections=30000",
                                     "ringdesk.operator.maxConnections=5000",
                                     "ringdesk.visitor.idleTimeoutSeconds=3600"};
    if (!probes) {
        defines.push_back("ringdesk.presence.probeAfterMs=3600000");
    }
    return defines;
}

} // namespace ringdesk::bench
