#pragma once
// Test fixture: a real ringdesk-server process on a private, temporary data folder
// (CONVENTIONS.md, practice 9: integration tests start the real binaries on free ports and
// wait for readiness, never a sleep). Users are created with the real ringdesk-admin.

#include "support/child_process.h"

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace ringdesk::integration {

class ServerProcess
{
public:
    /// Creates an empty data folder under the system's temporary folder. Starts nothing.
    ServerProcess();
    /// Stops the server if it runs (see stop()) and deletes the data folder, except when the
    /// server ended with a non-zero exit code: then the folder, with server.log, is kept and
    /// its path printed to standard error.
    ~ServerProcess();

    ServerProcess(const ServerProcess&) = delete;
    ServerProcess& operator=(const ServerProcess&) = delete;

    /// Adds `-Dkey=value` to the server's command line from the next start() on, e.g.
    /// define("ringdesk.ring.timeoutMs", "1500"). Defaults already given: both endpoints on
    /// 127.0.0.1 only.
    void define(const std::string& key, const std::string& value);

    /// Adds `--config=path` to the server's command line from the next start() on. The file's
    /// settings are below the -D defines and the ports, data folder and ready file this fixture
    /// passes, as on any command line.
    void useConfigFile(const std::string& path);

    /// Sends SIGHUP: the server re-reads its configuration files (docs/deployment.md). Throws
    /// std::logic_error when the server does not run.
    void reload() const;

    /// Turns on TLS for the operator and IMS endpoints from the next start() on, on free ports
    /// beside the plain ones (ringdesk.operator/ims.tls.enable and tlsPort), with the
    /// self-signed certificate the server creates in the data folder (tlsCertificateFile())
    /// unless define() names other files.
    void enableTls();

    /// Creates an operator account with ringdesk-admin (`user add`) and 1 000 PBKDF2 iterations,
    /// so that logins in tests are fast. Works whether or not the server runs.
    /// Throws std::runtime_error with the tool's output when it fails.
    void addUser(const std::string& username, const std::string& password, const std::string& displayName);

    /// Launches ringdesk-server on the data folder and waits until its ready file names the
    /// bound ports. The first start binds free ports (0); later starts bind the same ports
    /// again, so that clients can reconnect to a restarted server. The server's output goes to
    /// server.log in the data folder. Throws std::runtime_error, with the end of the log, when
    /// the server exits or is not ready within `timeout`; std::logic_error when it runs.
    void start(std::chrono::milliseconds timeout = std::chrono::seconds(60));

    /// Sends SIGTERM and waits for the process to end, up to `timeout`; kills it after that
    /// and throws std::runtime_error. Returns the exit code (0 for a clean stop). No-op
    /// returning 0 when not running.
    int stop(std::chrono::milliseconds timeout = std::chrono::seconds(30));

    bool running() const { return process_ != nullptr; }
    std::uint16_t operatorPort() const { return operatorPort_; }
    std::uint16_t httpPort() const { return httpPort_; }
    std::uint16_t imsPort() const { return imsPort_; }
    /// The TLS ports from the ready file; 0 while TLS is off.
    std::uint16_t operatorTlsPort() const { return operatorTlsPort_; }
    std::uint16_t imsTlsPort() const { return imsTlsPort_; }
    /// The certificate the server generates at its first start with TLS (tls_certificate.pem).
    std::string tlsCertificateFile() const { return file("tls_certificate.pem"); }
    /// Its private key (tls_key.pem).
    std::string tlsPrivateKeyFile() const { return file("tls_key.pem"); }
    /// The admin API's port (on 127.0.0.1; docs/admin.md).
    std::uint16_t adminPort() const { return adminPort_; }
    const std::string& dataDir() const { return dataDir_; }
    /// The SQLite file in the data folder (ringdesk.db).
    std::string databasePath() const { return file("ringdesk.db"); }

    /// The server's public key as written to its data folder (server_key.pub.pem).
    std::string publicKeyPem() const;

    /// The body of GET /metrics on the HTTP port (Prometheus text). Throws Poco::Exception
    /// when the server does not answer.
    std::string metrics() const;

    /// Waits until the server's output contains `fragment` and returns the output so far.
    /// Throws std::runtime_error, with the end of the output, when it does not within `timeout`.
    std::string awaitOutput(const std::string& fragment,
                            std::chrono::milliseconds timeout = std::chrono::seconds(20)) const;

    /// The last `bytes` bytes of the server's output (for failure messages).
    std::string logTail(std::size_t bytes = 4000) const;

private:
    std::string file(const std::string& name) const;

    std::string dataDir_;
    std::vector<std::string> defines_;
    std::vector<std::string> configFiles_;
    std::unique_ptr<test_support::ChildProcess> process_;
    std::uint16_t operatorPort_ = 0;
    std::uint16_t httpPort_ = 0;
    std::uint16_t imsPort_ = 0;
    bool tls_ = false;
    std::uint16_t operatorTlsPort_ = 0;
    std::uint16_t imsTlsPort_ = 0;
    std::uint16_t adminPort_ = 0;
    int lastExitCode_ = 0;
};

/// Runs `command` with `args` to completion and returns its exit code; its standard output
/// and error, together, go to `output`.
int runTool(const std::string& command, const std::vector<std::string>& args, std::string& output);

} // namespace ringdesk::integration
