#pragma once
// A real ringdesk-server on a temporary data folder with the IMS endpoint on a free port, and a
// scripted IMS client (CONVENTIONS.md, practice 9: real binaries, free ports, wait for
// readiness with a deadline, never a fixed sleep). The binaries come from the compile
// definitions RINGDESK_SERVER_BINARY and RINGDESK_ADMIN_BINARY.

#include <Poco/Net/StreamSocket.h>
#include <Poco/Process.h>

#include "protocol/ims_stream_parser.h"

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace ringdesk::ims_tests {

class ImsServerFixture
{
public:
    /// Creates an empty data folder; starts nothing.
    ImsServerFixture();
    /// Stops the server and deletes the folder.
    ~ImsServerFixture();

    /// `-Dkey=value` for the next start().
    void define(const std::string& key, const std::string& value);
    /// ringdesk-admin user add NAME --password=P --kdf-iterations=1000. Throws on failure.
    void addUser(const std::string& username, const std::string& password);
    /// Starts the server on free ports (operator, HTTP and IMS) and waits up to 30 s for its
    /// ready file; throws std::runtime_error with the log's end otherwise. A restart binds the
    /// IMS port it had before.
    void start();
    /// SIGTERM, then waits for the exit (kills it after 30 s). Returns the exit code.
    int stop();

    std::uint16_t imsPort() const { return imsPort_; }
    std::uint16_t operatorPort() const { return operatorPort_; }
    const std::string& dataDir() const { return dataDir_; }
    std::string databasePath() const;
    /// Where to look for the server's log (it inherits the test's output).
    std::string logTail() const;

private:
    std::string dataDir_;
    std::vector<std::string> defines_;
    std::unique_ptr<Poco::ProcessHandle> handle_;
    std::uint16_t imsPort_ = 0;
    std::uint16_t operatorPort_ = 0;
};

/// A scripted IMS client: sends documents and reads the server's documents one by one.
class ImsClient
{
public:
    explicit ImsClient(std::uint16_t port);
    void send(const std::string& documents);
    /// The next whole document from the server, waiting up to `timeout`; nullopt when the server
    /// closed the connection. Throws std::runtime_error on timeout.
    std::optional<std::string> next(std::chrono::milliseconds timeout = std::chrono::seconds(10));
    /// Sends one document and returns the next one (its echo) — which must equal it.
    /// Throws std::runtime_error when the echo differs.
    void sendExpectEcho(const std::string& document);
    /// True when the server closes the connection within `timeout` (documents before the end
    /// are skipped).
    bool closedWithin(std::chrono::milliseconds timeout);
    /// Logs in: sends LOGIN with MD5(password), checks the echo and returns the response.
    std::string login(const std::string& user, const std::string& password);

private:
    Poco::Net::StreamSocket socket_;
    ims::ImsStreamParser parser_;
    bool closed_ = false;
};

} // namespace ringdesk::ims_tests
