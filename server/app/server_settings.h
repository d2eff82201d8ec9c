#pragma once
// Every setting of ringdesk-server, read from the POCO configuration (file, options, -D) with
// the defaults documented in docs/configuration.md.

#include "server/admin_contract/admin_endpoint_config.h"
#include "server/admission/login_guard.h"
#include "server/core/core_settings.h"
#include "server/core/im_session_manager.h"
#include "server/keys/certificate_files.h"

#include <Poco/Util/AbstractConfiguration.h>

#include <string>
#include <vector>

namespace ringdesk::app {

struct Endpoint
{
    std::string host;
    int port = 0; // 0: any free port (the ready file tells which)
};

/// A TLS port beside an endpoint's plain port (docs/configuration.md, "TLS").
struct TlsEndpoint
{
    bool enabled = false;
    Endpoint endpoint;        // the plain endpoint's host, ringdesk.<endpoint>.tlsPort
    keys::CertificateFiles files;
    bool selfSigned = false;  // no files configured: the generated pair in the data folder
};

struct ServerSettings
{
    std::string dataDir;
    std::string databasePath;
    std::string privateKeyPath;
    std::string publicKeyPath;
    int keyBits = 2048;

    Endpoint operatorEndpoint;
    std::size_t operatorMaxLineBytes = 0;
    int operatorMaxConnections = 0;
    std::size_t operatorMaxConnectionsPerAddress = 0; // plain and TLS port, each
    std::size_t operatorMaxQueuedPackets = 0;

    Endpoint httpEndpoint;
    int httpMaxConnections = 0;
    std::string widgetDir;
    std::string demoPage;
    std::size_t visitorMaxFrameBytes = 0;
    std::size_t visitorMaxQueuedMessages = 0;
    int visitorIdleTimeoutSeconds = 0;
    std::size_t visitorMaxConnectionsPerAddress = 0; // live WebSockets from one address
    core::RateLimit visitorMessageRate;              // client messages per WebSocket

    Endpoint imsEndpoint;
    std::size_t imsMaxDocumentBytes = 0;
    int imsMaxConnections = 0;
    std::size_t imsMaxConnectionsPerAddress = 0; // plain and TLS port, each
    std::size_t imsMaxQueuedDocuments = 0;

    TlsEndpoint operatorTls;
    TlsEndpoint imsTls;
    core::Duration tlsHandshakeTimeout{10000};

    admin_api::AdminEndpointConfig admin; // the admin API (docs/admin.md)
    int ioThreads = 0;      // event loops serving plain operator and visitor connections
    int workerThreads = 0;  // RSA decryption and login verification for those connections

    core::CoreSettings core;
    core::ImSettings im;
    core::Duration tickInterval{100};
    int authSessions = 4;
    admission::LoginGuardSettings logins; // login throttling (docs/configuration.md)
    std::string readyFile;

    /// Reads every setting; throws Poco::Exception naming the key on an invalid value.
    static ServerSettings load(const Poco::Util::AbstractConfiguration& config);

    /// "key = value" lines of the effective settings, for the start-up log.
    std::vector<std::string> describe() const;
};

} // namespace ringdesk::app
