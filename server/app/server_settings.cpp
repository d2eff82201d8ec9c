#include "server/app/server_settings.h"

#include "protocol/limits.h"
#include "server/store/database.h"

#include <algorithm>
#include <chrono>

#include <Poco/Environment.h>
#include <Poco/Exception.h>
#include <Poco/Path.h>

namespace ringdesk::app {
namespace {

int positive(const Poco::Util::AbstractConfiguration& config, const std::string& key, int fallback,
             int minimum = 1)
{
    const int value = config.getInt(key, fallback);
    if (value < minimum)
        throw Poco::InvalidArgumentException(key + " must be at least " + std::to_string(minimum));
    return value;
}

core::Duration millis(const Poco::Util::AbstractConfiguration& config, const std::string& key,
                      int fallback)
{
    return core::Duration(positive(config, key, fallback));
}

std::string inDataDir(const std::string& dataDir, const std::string& file)
{
    return Poco::Path(Poco::Path(dataDir).makeDirectory(), file).toString();
}

/// ringdesk.<name>.tls.* and ringdesk.<name>.tlsPort; the certificate and key are configured
/// together or not at all (then the self-signed pair in the data folder is used).
TlsEndpoint loadTls(const Poco::Util::AbstractConfiguration& config, const std::string& name,
                    const std::string& host, int defaultPort, const std::string& dataDir)
{
    const std::string prefix = "ringdesk." + name;
    TlsEndpoint tls;
    tls.enabled = config.getBool(prefix + ".tls.enable", false);
    tls.endpoint = {host, positive(config, prefix + ".tlsPort", defaultPort, 0)};
    tls.files.certificateFile = config.getString(prefix + ".tls.certificateFile", "");
    tls.files.privateKeyFile = config.getString(prefix + ".tls.privateKeyFile", "");
    if (tls.files.certificateFile.empty() != tls.files.privateKeyFile.empty())
        throw Poco::InvalidArgumentException(prefix + ".tls.certificateFile and " + prefix +
                                             ".tls.privateKeyFile must be set together");
    tls.selfSigned = tls.files.certificateFile.empty();
    if (tls.selfSigned)
        tls.files = {inDataDir(dataDir, "tls_certificate.pem"), inDataDir(dataDir, "tls_key.pem")};
    return tls;
}

std::string describeTls(const std::string& name, const TlsEndpoint& tls)
{
    const std::string prefix = "ringdesk." + name;
    if (!tls.enabled)
        return prefix + ".tls.enable = false";
    return prefix + ".tls = " + tls.endpoint.host + ":" + std::to_string(tls.endpoint.port) + ", certificate " +
           tls.files.certificateFile + ", key " + tls.files.privateKeyFile +
           (tls.selfSigned ? " (self-signed)" : "");
}

} // namespace

ServerSettings ServerSettings::load(const Poco::Util::AbstractConfiguration& config)
{
    ServerSettings s;
    s.dataDir = config.getString("ringdesk.dataDir", "data");
    s.databasePath = store::configuredDatabasePath(config);
    s.privateKeyPath = config.getString("ringdesk.keys.private", inDataDir(s.dataDir, "server_key.pem"));
    s.publicKeyPath = config.getString("ringdesk.keys.public", inDataDir(s.dataDir, "server_key.pub.pem"));
    s.keyBits = config.getInt("ringdesk.keys.bits", 2048);
    if (s.keyBits != 2048 && s.keyBits != 4096)
        throw Poco::InvalidArgumentException("ringdesk.keys.bits must be 2048 or 4096");

    s.operatorEndpoint = {config.getString("ringdesk.operator.host", "0.0.0.0"),
                          positive(config, "ringdesk.operator.port", 7010, 0)};
    s.operatorMaxLineBytes = static_cast<std::size_t>(positive(config, "ringdesk.operator.maxLineBytes", 65536, 1024));
    s.operatorMaxConnections = positive(config, "ringdesk.operator.maxConnections", 2000);
    s.operatorMaxConnectionsPerAddress =
        static_cast<std::size_t>(positive(config, "ringdesk.operator.maxConnectionsPerAddress", 64));
    s.operatorMaxQueuedPackets = static_cast<std::size_t>(positive(config, "ringdesk.operator.maxQueuedPackets", 10000));

    s.imsEndpoint = {config.getString("ringdesk.ims.host", "0.0.0.0"),
                      positive(config, "ringdesk.ims.port", 7011, 0)};
    s.imsMaxDocumentBytes = static_cast<std::size_t>(positive(config, "ringdesk.ims.maxDocumentBytes",
                                                              static_cast<int>(protocol::limits::kMaxImsDocumentBytes), 256));
    if (s.imsMaxDocumentBytes > protocol::limits::kMaxImsDocumentBytes)
        throw Poco::InvalidArgumentException("ringdesk.ims.maxDocumentBytes must be at most " +
                                             std::to_string(protocol::limits::kMaxImsDocumentBytes));
    s.imsMaxConnections = positive(config, "ringdesk.ims.maxConnections", 2000);
    s.imsMaxConnectionsPerAddress =
        static_cast<std::size_t>(positive(config, "ringdesk.ims.maxConnectionsPerAddress", 64));
    s.imsMaxQueuedDocuments = static_cast<std::size_t>(positive(config, "ringdesk.ims.maxQueuedDocuments", 10000));
    s.im.aliveTimeout = millis(config, "ringdesk.ims.aliveTimeoutMs", 15000);
    s.im.loginTimeout = s.core.loginTimeout = millis(config, "ringdesk.login.timeoutMs", 30000);

    s.operatorTls = loadTls(config, "operator", s.operatorEndpoint.host, 7020, s.dataDir);
    s.imsTls = loadTls(config, "ims", s.imsEndpoint.host, 7021, s.dataDir);
    s.tlsHandshakeTimeout = millis(config, "ringdesk.tls.handshakeTimeoutMs", 10000);

    s.httpEndpoint = {config.getString("ringdesk.http.host", "0.0.0.0"),
                      positive(config, "ringdesk.http.port", 8080, 0)};
    s.httpMaxConnections = positive(config, "ringdesk.http.maxConnections", 12000);
    s.widgetDir = config.getString("ringdesk.http.widgetDir", RINGDESK_DEFAULT_WIDGET_DIR);
    s.demoPage = config.getString("ringdesk.http.demoPage", RINGDESK_DEFAULT_DEMO_PAGE);
    s.visitorMaxFrameBytes = static_cast<std::size_t>(positive(config, "ringdesk.visitor.maxFrameBytes", 16384, 1024));
    s.visitorMaxQueuedMessages = static_cast<std::size_t>(positive(config, "ringdesk.visitor.maxQueuedMessages", 1000));
    s.visitorIdleTimeoutSeconds = positive(config, "ringdesk.visitor.idleTimeoutSeconds", 900);
    s.visitorMaxConnectionsPerAddress =
        static_cast<std::size_t>(positive(config, "ringdesk.visitor.maxConnectionsPerAddress", 64));
    s.visitorMessageRate = {static_cast<double>(positive(config, "ringdesk.visitor.messagesPerSecond", 10)),
                            static_cast<double>(positive(config, "ringdesk.visitor.messageBurst", 30))};
    s.core.visitorConnectionsPerAddress =
        core::RateLimit::perWindow(positive(config, "ringdesk.visitor.connectionsPerMinute", 120), 60000);
    s.core.conversationsPerAddress =
        core::RateLimit::perWindow(positive(config, "ringdesk.visitor.conversationsPerHour", 60), 3600000);
    s.core.maxTrackedAddresses = static_cast<std::size_t>(positive(config, "ringdesk.visitor.maxTracked", 100000));

    s.admin = admin_api::loadAdminEndpointConfig(config);
    const int cores = static_cast<int>(std::max(1u, Poco::Environment::processorCount()));
    s.ioThreads = positive(config, "ringdesk.io.threads", cores);
    s.workerThreads = positive(config, "ringdesk.io.workers", cores);

    s.core.ringTimeout = millis(config, "ringdesk.ring.timeoutMs", 60000);
    s.core.ringOffer = millis(config, "ringdesk.ring.offerMs", 55000);
    s.core.probeAfter = millis(config, "ringdesk.presence.probeAfterMs", 7000);
    s.core.dropAfter = millis(config, "ringdesk.presence.dropAfterMs", 3000);
    s.core.grace = millis(config, "ringdesk.presence.graceMs", 60000);
    s.core.maxChatsPerOperator = static_cast<std::size_t>(positive(config, "ringdesk.chat.maxPerOperator", 4));
    s.core.allowAnonymousOperators = config.getBool("ringdesk.operator.allowAnonymous", false);
    s.core.storeTranscripts = config.getBool("ringdesk.chat.storeTranscripts", true);
    s.tickInterval = millis(config, "ringdesk.core.tickMs", 100);
    s.authSessions = positive(config, "ringdesk.database.authSessions", 4);
    admission::LoginThrottleSettings& throttle = s.logins.throttle;
    throttle.freeFailures = positive(config, "ringdesk.login.freeFailures", 5, 0);
    throttle.backoffBaseMs = positive(config, "ringdesk.login.backoffBaseMs", 1000);
    throttle.backoffMaxMs = positive(config, "ringdesk.login.backoffMaxMs", 300000);
    throttle.forgetAfterMs = positive(config, "ringdesk.login.forgetAfterMs", 3600000);
    throttle.maxTrackedKeys = static_cast<std::size_t>(positive(config, "ringdesk.login.maxTracked", 100000));
    // Each password check holds one of the authSessions database connections.
    s.logins.maxConcurrentHashes =
        positive(config, "ringdesk.login.maxConcurrentHashes", std::min(cores, s.authSessions));
    if (s.logins.maxConcurrentHashes > s.authSessions)
        throw Poco::InvalidArgumentException("ringdesk.login.maxConcurrentHashes must not exceed "
                                             "ringdesk.database.authSessions");
    s.logins.hashWait = std::chrono::milliseconds(positive(config, "ringdesk.login.hashWaitMs", 5000));
    s.readyFile = config.getString("ringdesk.readyFile", "");
    return s;
}

std::vector<std::string> ServerSettings::describe() const
{
    auto ms = [](core::Duration d) { return std::to_string(d.count()) + " ms"; };
    // The rate settings are whole numbers (read with getInt).
    auto whole = [](double count) { return std::to_string(static_cast<long long>(count)); };
    return {
        "ringdesk.dataDir = " + dataDir,
        "ringdesk.database.path = " + databasePath,
        "ringdesk.keys.private = " + privateKeyPath,
        "ringdesk.keys.public = " + publicKeyPath,
        "ringdesk.keys.bits = " + std::to_string(keyBits),
        "ringdesk.operator = " + operatorEndpoint.host + ":" + std::to_string(operatorEndpoint.port),
        "ringdesk.operator.maxLineBytes = " + std::to_string(operatorMaxLineBytes),
        "ringdesk.operator.maxConnections = " + std::to_string(operatorMaxConnections),
        "ringdesk.operator.maxConnectionsPerAddress = " + std::to_string(operatorMaxConnectionsPerAddress),
        "ringdesk.operator.maxQueuedPackets = " + std::to_string(operatorMaxQueuedPackets),
        "ringdesk.operator.allowAnonymous = " + std::string(core.allowAnonymousOperators ? "true" : "false"),
        describeTls("operator", operatorTls),
        "ringdesk.ims = " + imsEndpoint.host + ":" + std::to_string(imsEndpoint.port),
        "ringdesk.ims.maxDocumentBytes = " + std::to_string(imsMaxDocumentBytes),
        "ringdesk.ims.maxConnections = " + std::to_string(imsMaxConnections),
        "ringdesk.ims.maxConnectionsPerAddress = " + std::to_string(imsMaxConnectionsPerAddress),
        "ringdesk.ims.maxQueuedDocuments = " + std::to_string(imsMaxQueuedDocuments),
        "ringdesk.ims.aliveTimeoutMs = " + ms(im.aliveTimeout),
        describeTls("ims", imsTls),
        "ringdesk.tls.handshakeTimeoutMs = " + ms(tlsHandshakeTimeout),
        "ringdesk.http = " + httpEndpoint.host + ":" + std::to_string(httpEndpoint.port),
        "ringdesk.http.maxConnections = " + std::to_string(httpMaxConnections),
        "ringdesk.http.widgetDir = " + widgetDir,
        "ringdesk.http.demoPage = " + demoPage,
        "ringdesk.visitor.maxFrameBytes = " + std::to_string(visitorMaxFrameBytes),
        "ringdesk.visitor.maxQueuedMessages = " + std::to_string(visitorMaxQueuedMessages),
        "ringdesk.visitor.idleTimeoutSeconds = " + std::to_string(visitorIdleTimeoutSeconds),
        "ringdesk.visitor.maxConnectionsPerAddress = " + std::to_string(visitorMaxConnectionsPerAddress),
        "ringdesk.visitor.messagesPerSecond = " + whole(visitorMessageRate.perSecond),
        "ringdesk.visitor.messageBurst = " + whole(visitorMessageRate.burst),
        "ringdesk.visitor.connectionsPerMinute = " + whole(core.visitorConnectionsPerAddress.burst),
        "ringdesk.visitor.conversationsPerHour = " + whole(core.conversationsPerAddress.burst),
        "ringdesk.visitor.maxTracked = " + std::to_string(core.maxTrackedAddresses),
        "ringdesk.admin = " + admin.host + ":" + std::to_string(admin.port),
        "ringdesk.admin.tokenFile = " + admin.tokenFile,
        "ringdesk.admin.maxConnections = " + std::to_string(admin.maxConnections),
        "ringdesk.io.threads = " + std::to_string(ioThreads),
        "ringdesk.io.workers = " + std::to_string(workerThreads),
        "ringdesk.ring.timeoutMs = " + ms(core.ringTimeout),
        "ringdesk.ring.offerMs = " + ms(core.ringOffer),
        "ringdesk.presence.probeAfterMs = " + ms(core.probeAfter),
        "ringdesk.presence.dropAfterMs = " + ms(core.dropAfter),
        "ringdesk.presence.graceMs = " + ms(core.grace),
        "ringdesk.chat.maxPerOperator = " + std::to_string(core.maxChatsPerOperator),
        "ringdesk.chat.storeTranscripts = " + std::string(core.storeTranscripts ? "true" : "false"),
        "ringdesk.core.tickMs = " + ms(tickInterval),
        "ringdesk.login.freeFailures = " + std::to_string(logins.throttle.freeFailures),
        "ringdesk.login.backoffBaseMs = " + std::to_string(logins.throttle.backoffBaseMs) + " ms",
        "ringdesk.login.backoffMaxMs = " + std::to_string(logins.throttle.backoffMaxMs) + " ms",
        "ringdesk.login.forgetAfterMs = " + std::to_string(logins.throttle.forgetAfterMs) + " ms",
        "ringdesk.login.maxTracked = " + std::to_string(logins.throttle.maxTrackedKeys),
        "ringdesk.login.maxConcurrentHashes = " + std::to_string(logins.maxConcurrentHashes),
        "ringdesk.login.hashWaitMs = " + std::to_string(logins.hashWait.count()) + " ms",
        "ringdesk.login.timeoutMs = " + ms(core.loginTimeout),
        "ringdesk.readyFile = " + (readyFile.empty() ? std::string("(none)") : readyFile),
    };
}

} // namespace ringdesk::app
