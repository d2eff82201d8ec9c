#include "ims_server_fixture.h"

#include "server/store/password_hash.h"

#include <Poco/File.h>
#include <Poco/FileStream.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Path.h>
#include <Poco/Pipe.h>
#include <Poco/PipeStream.h>
#include <Poco/StreamCopier.h>
#include <Poco/TemporaryFile.h>
#include <Poco/Thread.h>

#include <array>
#include <stdexcept>
#include <thread>

namespace ringdesk::ims_tests {

using Clock = std::chrono::steady_clock;

ImsServerFixture::ImsServerFixture() : dataDir_(Poco::TemporaryFile::tempName())
{
    Poco::File(dataDir_).createDirectories();
}

ImsServerFixture::~ImsServerFixture()
{
    try {
        stop();
        Poco::File(dataDir_).remove(true);
    } catch (const std::exception&) {
        // A destructor must not throw; the temporary folder is left behind.
    }
}

void ImsServerFixture::define(const std::string& key, const std::string& value)
{
    defines_.push_back("-D" + key + "=" + value);
}

std::string ImsServerFixture::databasePath() const { return dataDir_ + "/ringdesk.db"; }

void ImsServerFixture::addUser(const std::string& username, const std::string& password)
{
    Poco::Pipe out;
    Poco::ProcessHandle handle = Poco::Process::launch(
        RINGDESK_ADMIN_BINARY,
        {"--data-dir=" + dataDir_, "user", "add", username, "--password=" + password, "--kdf-iterations=1000"},
        nullptr, &out, &out);
    Poco::PipeInputStream stream(out);
    std::string text;
    Poco::StreamCopier::copyToString(stream, text);
    if (handle.wait() != 0)
        throw std::runtime_error("ringdesk-admin user add " + username + " failed: " + text);
}

void ImsServerFixture::start()
{
    const std::string ready = dataDir_ + "/ready.json";
    std::vector<std::string> args = {"--data-dir=" + dataDir_,
                                     "--operator-port=0",
                                     "--http-port=0",
                                     "--ims-port=" + std::to_string(imsPort_),
                                     "--ready-file=" + ready,
                                     "-Dringdesk.operator.host=127.0.0.1",
                                     "-Dringdesk.http.host=127.0.0.1",
                                     "-Dringdesk.ims.host=127.0.0.1",
                                     "--log-level=warning"};
    args.insert(args.end(), defines_.begin(), defines_.end());
    handle_ = std::make_unique<Poco::ProcessHandle>(Poco::Process::launch(RINGDESK_SERVER_BINARY, args));
    const auto deadline = Clock::now() + std::chrono::seconds(30);
    while (!Poco::File(ready).exists()) {
        if (handle_->tryWait() != -1) {
            handle_.reset();
            throw std::runtime_error("ringdesk-server exited at start:\n" + logTail());
        }
        if (Clock::now() > deadline)
            throw std::runtime_error("ringdesk-server not ready within 30 s:\n" + logTail());
        Poco::Thread::sleep(20); // polling the ready file, bounded by the deadline above
    }
    Poco::FileInputStream in(ready);
    Poco::JSON::Object::Ptr ports = Poco::JSON::Parser().parse(in).extract<Poco::JSON::Object::Ptr>();
    imsPort_ = static_cast<std::uint16_t>(ports->getValue<int>("ims_port"));
    operatorPort_ = static_cast<std::uint16_t>(ports->getValue<int>("operator_port"));
}

int ImsServerFixture::stop()
{
    if (!handle_)
        return 0;
    Poco::Process::requestTermination(handle_->id());
    // tryWait() reaps the process; isRunning() would report an unreaped (zombie) child as alive.
    const auto deadline = Clock::now() + std::chrono::seconds(30);
    int code = handle_->tryWait();
    while (code == -1) {
        if (Clock::now() > deadline) {
            Poco::Process::kill(*handle_);
            code = handle_->wait();
            break;
        }
        Poco::Thread::sleep(20); // waiting for the exit, bounded by the deadline above
        code = handle_->tryWait();
    }
    handle_.reset();
    return code;
}

std::string ImsServerFixture::logTail() const
{
    return "(the server logs warnings and errors to this test's standard error)";
}

ImsClient::ImsClient(std::uint16_t port) : socket_(Poco::Net::SocketAddress("127.0.0.1", port)) {}

void ImsClient::send(const std::string& documents) { socket_.sendBytes(documents.data(), static_cast<int>(documents.size())); }

std::optional<std::string> ImsClient::next(std::chrono::milliseconds timeout)
{
    const auto deadline = Clock::now() + timeout;
    std::array<char, 4096> buffer{};
    for (;;) {
        if (std::optional<std::string> document = parser_.next())
            return document;
        if (closed_)
            return std::nullopt;
        const auto left = std::chrono::duration_cast<std::chrono::microseconds>(deadline - Clock::now());
        if (left.count() <= 0)
            throw std::runtime_error("no document from the server within the timeout");
        if (!socket_.poll(Poco::Timespan(left.count()), Poco::Net::Socket::SELECT_READ))
            continue;
        int received = 0;
        try {
            received = socket_.receiveBytes(buffer.data(), static_cast<int>(buffer.size()));
        } catch (const Poco::Exception&) {
            received = 0; // reset by the server: closed
        }
        if (received <= 0)
            closed_ = true;
        else
            parser_.feed(buffer.data(), static_cast<std::size_t>(received));
    }
}

void ImsClient::sendExpectEcho(const std::string& document)
{
    send(document);
    const std::optional<std::string> echo = next();
    if (echo != document)
        throw std::runtime_error("expected the echo of " + document + ", got " + echo.value_or("(closed)"));
}

bool ImsClient::closedWithin(std::chrono::milliseconds timeout)
{
    const auto deadline = Clock::now() + timeout;
    while (Clock::now() < deadline)
        if (!next(std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now())))
            return true;
    return false;
}

std::string ImsClient::login(const std::string& user, const std::string& password)
{
    sendExpectEcho("<LOGIN user=\"" + user + "\" pass=\"" + store::md5Hex(password) + "\"/>");
    return next().value_or("(closed)");
}

} // namespace ringdesk::ims_tests
