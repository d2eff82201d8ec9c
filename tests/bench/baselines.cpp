#include "baselines.h"

#include "epoll_relay.h"
#include "line_transport.h"
#include "mosquitto_broker.h"
#include "mqtt_transport.h"

namespace ringdesk::bench {

BaselineResults runBaselines(Context& ctx, std::size_t pairs, const RelayRun& closedLoop)
{
    BaselineResults results;
    {
        EpollRelay relay;
        LineTransport transport(relay.port(), pairs);
        EventLoop loop;
        results.epoll = runRelay(transport, loop, closedLoop);
    }
    const std::string mosquitto = MosquittoBroker::find();
    if (!mosquitto.empty()) {
        MosquittoBroker broker(mosquitto, ctx.workDir);
        MqttTransport transport(broker.port(), pairs);
        EventLoop loop;
        results.mosquitto = runRelay(transport, loop, closedLoop);
    }
    return results;
}

RelayResult runEpollAtRate(Context&, std::size_t pairs, const RelayRun& run)
{
    EpollRelay relay;
    LineTransport transport(relay.port(), pairs);
    EventLoop loop;
    return runRelay(transport, loop, run);
}

} // namespace ringdesk::bench
