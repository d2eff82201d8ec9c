#include "support/server_process.h"

#include <Poco/File.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Path.h>
#include <Poco/Pipe.h>
#include <Poco/PipeStream.h>
#include <Poco/Process.h>
#include <Poco/StreamCopier.h>
#include <Poco/TemporaryFile.h>

#include <csignal>
#include <fstream>
#include <iostream>
#include <sstream>
#include <stdexcept>
#include <thread>

#ifndef RINGDESK_SERVER_BIN
#error "RINGDESK_SERVER_BIN must name the ringdesk-server binary (tests/support/CMakeLists.txt)"
#endif
#ifndef RINGDESK_ADMIN_BIN
#error "RINGDESK_ADMIN_BIN must name the ringdesk-admin binary (tests/support/CMakeLists.txt)"
#endif

namespace ringdesk::integration {
namespace {

using Clock = std::chrono::steady_clock;

// How often the fixture looks at the ready file or the process while waiting for it.
constexpr auto kPollInterval = std::chrono::milliseconds(20);

std::string readFile(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

} // namespace

int runTool(const std::string& command, const std::vector<std::string>& args, std::string& output)
{
    Poco::Pipe pipe;
    Poco::ProcessHandle handle = Poco::Process::launch(command, args, nullptr, &pipe, &pipe);
    Poco::PipeInputStream in(pipe);
    output.clear();
    Poco::StreamCopier::copyToString(in, output);
    return handle.wait();
}

ServerProcess::ServerProcess()
{
    Poco::Path dir(Poco::TemporaryFile::tempName());
    dir.makeDirectory();
    dataDir_ = dir.toString();
    Poco::File(dataDir_).createDirectories();
    defines_ = {"ringdesk.operator.host=127.0.0.1", "ringdesk.http.host=127.0.0.1"};
}

ServerProcess::~ServerProcess()
{
    try {
        stop();
    } catch (const std::exception&) {
        // stop() has killed the process and recorded a failing exit code.
    }
    if (lastExitCode_ != 0) {
        std::cerr << "ringdesk-server ended with exit code " << lastExitCode_
                  << "; its data folder and server.log are kept in " << dataDir_ << "\n";
        return;
    }
    try {
        Poco::File(dataDir_).remove(true);
    } catch (const Poco::Exception&) {
        // A leftover temporary folder is harmless; a throwing destructor is not.
    }
}

std::string ServerProcess::file(const std::string& name) const
{
    return Poco::Path(Poco::Path(dataDir_), name).toString();
}

void ServerProcess::enableTls() { tls_ = true; }

void ServerProcess::define(const std::string& key, const std::string& value)
{
    defines_.push_back(key + "=" + value);
}

void ServerProcess::useConfigFile(const std::string& path) { configFiles_.push_back("--config=" + path); }

void ServerProcess::reload() const
{
    if (!running())
        throw std::logic_error("the server does not run");
    if (::kill(process_->pid(), SIGHUP) != 0)
        throw std::runtime_error("cannot send SIGHUP to the server");
}

void ServerProcess::addUser(const std::string& username, const std::string& password,
                            const std::string& displayName)
{
    std::string output;
    const int code = runTool(RINGDESK_ADMIN_BIN,
                             {"--data-dir=" + dataDir_, "user", "add", username, "--password=" + password,
                              "--display-name=" + displayName, "--kdf-iterations=1000"},
                             output);
    if (code != 0)
        throw std::runtime_error("ringdesk-admin user add " + username + " exited with " + std::to_string(code) +
                                 ": " + output);
}

void ServerProcess::start(std::chrono::milliseconds timeout)
{
    if (running())
        throw std::logic_error("the server is already running");
    const std::string readyFile = file("ready.json");
    // A file left by a killed server would name ports nobody listens on.
    if (Poco::File ready(readyFile); ready.exists())
        ready.remove();

    std::vector<std::string> args{"--data-dir=" + dataDir_,
                                  "--operator-port=" + std::to_string(operatorPort_),
                                  "--http-port=" + std::to_string(httpPort_),
                                  "--ims-port=" + std::to_string(imsPort_),
                                  "--admin-port=" + std::to_string(adminPort_),
                                  "--ready-file=" + readyFile};
    args.insert(args.end(), configFiles_.begin(), configFiles_.end());
    for (const std::string& define : defines_)
        args.push_back("-D" + define);
    if (tls_) {
        args.push_back("-Dringdesk.operator.tls.enable=true");
        args.push_back("-Dringdesk.operator.tlsPort=" + std::to_string(operatorTlsPort_));
        args.push_back("-Dringdesk.ims.tls.enable=true");
        args.push_back("-Dringdesk.ims.tlsPort=" + std::to_string(imsTlsPort_));
    }

    // The server's output is appended to server.log as it writes it, so that awaitOutput() sees
    // each line at once.
    process_ = std::make_unique<test_support::ChildProcess>(RINGDESK_SERVER_BIN, args, file("server.log"));

    const Clock::time_point deadline = Clock::now() + timeout;
    for (;;) {
        if (Poco::File(readyFile).exists()) {
            // The server writes a temporary file and renames it: once present, it is complete.
            const Poco::JSON::Object::Ptr ready =
                Poco::JSON::Parser().parse(readFile(readyFile)).extract<Poco::JSON::Object::Ptr>();
            operatorPort_ = static_cast<std::uint16_t>(ready->getValue<int>("operator_port"));
            httpPort_ = static_cast<std::uint16_t>(ready->getValue<int>("http_port"));
            imsPort_ = static_cast<std::uint16_t>(ready->getValue<int>("ims_port"));
            operatorTlsPort_ = static_cast<std::uint16_t>(ready->optValue<int>("operator_tls_port", 0));
            imsTlsPort_ = static_cast<std::uint16_t>(ready->optValue<int>("ims_tls_port", 0));
            adminPort_ = static_cast<std::uint16_t>(ready->getValue<int>("admin_port"));
            return;
        }
        if (!process_->running()) {
            const int code = process_->wait();
            lastExitCode_ = code == 0 ? -1 : code; // exiting before ready is a failure
            process_.reset();
            throw std::runtime_error("ringdesk-server exited with " + std::to_string(code) +
                                     " before it was ready:\n" + logTail());
        }
        if (Clock::now() >= deadline) {
            stop();
            throw std::runtime_error("ringdesk-server was not ready within " + std::to_string(timeout.count()) +
                                     " ms:\n" + logTail());
        }
        std::this_thread::sleep_for(kPollInterval);
    }
}

int ServerProcess::stop(std::chrono::milliseconds timeout)
{
    if (!running())
        return 0;
    // SIGTERM, as a service manager stops the server; ServerApplication waits for it.
    ::kill(process_->pid(), SIGTERM);
    const Clock::time_point deadline = Clock::now() + timeout;
    while (process_->running()) {
        if (Clock::now() >= deadline) {
            ::kill(process_->pid(), SIGKILL);
            lastExitCode_ = process_->wait();
            process_.reset();
            throw std::runtime_error("ringdesk-server did not stop within " + std::to_string(timeout.count()) +
                                     " ms of SIGTERM:\n" + logTail());
        }
        std::this_thread::sleep_for(kPollInterval);
    }
    lastExitCode_ = process_->wait();
    process_.reset();
    return lastExitCode_;
}

std::string ServerProcess::publicKeyPem() const { return readFile(file("server_key.pub.pem")); }

std::string ServerProcess::metrics() const
{
    Poco::Net::HTTPClientSession session("127.0.0.1", httpPort_);
    Poco::Net::HTTPRequest request(Poco::Net::HTTPRequest::HTTP_GET, "/metrics");
    session.sendRequest(request);
    Poco::Net::HTTPResponse response;
    std::string body;
    Poco::StreamCopier::copyToString(session.receiveResponse(response), body);
    return body;
}

std::string ServerProcess::awaitOutput(const std::string& fragment, std::chrono::milliseconds timeout) const
{
    const Clock::time_point deadline = Clock::now() + timeout;
    for (;;) {
        std::string log = readFile(file("server.log"));
        if (log.find(fragment) != std::string::npos)
            return log;
        if (Clock::now() >= deadline)
            throw std::runtime_error("the server did not log \"" + fragment + "\" within " +
                                     std::to_string(timeout.count()) + " ms:\n" + logTail());
        std::this_thread::sleep_for(kPollInterval);
    }
}

std::string ServerProcess::logTail(std::size_t bytes) const
{
    const std::string log = readFile(file("server.log"));
    return log.size() <= bytes ? log : "..." + log.substr(log.size() - bytes);
}

} // namespace ringdesk::integration
