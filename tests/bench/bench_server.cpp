#include "bench_server.h"

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

namespace fs = std::filesystem;

namespace ringdesk::bench {
namespace {

// How often readiness is checked while the server starts.
constexpr auto kPollInterval = std::chrono::milliseconds(20);
} // namespace

std::string readWholeFile(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

OperatorAccounts::OperatorAccounts(std::string adminBin, std::string workDir)
    : adminBin_(std::move(adminBin)), seedDir_((fs::path(workDir) / "seed").string())
{
    fs::create_directories(seedDir_);
}

void OperatorAccounts::ensure(std::size_t count)
{
    if (count <= count_)
        return;
    // One `user import` (one process, one transaction) instead of an admin process per account.
    const std::string list = (fs::path(seedDir_) / "operators.csv").string();
    {
        std::ofstream out(list, std::ios::trunc);
        for (std::size_t i = count_; i < count; ++i)
            out << username(i) << ',' << kPassword << ",Operator " << i << '\n';
    }
    const std::string log = (fs::path(seedDir_) / "admin.log").string();
    if (test_support::runToCompletion(
            adminBin_, {"--data-dir=" + seedDir_, "user", "import", list, "--kdf-iterations=1000"}, log) != 0)
        throw std::runtime_error("ringdesk-admin user import failed:\n" + readWholeFile(log));
    fs::remove(list);
    fs::remove(log);
    count_ = count;
}

BenchServer::BenchServer(const std::string& serverBin, const std::string& workDir,
                         const OperatorAccounts& accounts, const std::vector<std::string>& defines,
                         const std::string& databaseDir, std::chrono::milliseconds timeout)
{
    static int serial = 0;
    const std::string name = "server-" + std::to_string(++serial);
    dataDir_ = (fs::path(workDir) / name).string();
    fs::create_directories(dataDir_);
    std::string databasePath = (fs::path(dataDir_) / "ringdesk.db").string();
    if (!databaseDir.empty()) {
        databaseDir_ = (fs::path(databaseDir) / ("ringdesk-bench-" + std::to_string(::getpid()) + "-" + name)).string();
        fs::create_directories(databaseDir_);
        databasePath = (fs::path(databaseDir_) / "ringdesk.db").string();
    }
    if (accounts.count() > 0)
        fs::copy_file(fs::path(accounts.seedDir()) / "ringdesk.db", databasePath);

    const std::string readyFile = (fs::path(dataDir_) / "ready.json").string();
    std::vector<std::string> args{"--data-dir=" + dataDir_, "--operator-port=0", "--http-port=0",
                                  "--ims-port=0", "--admin-port=0", "--ready-file=" + readyFile,
                                  "-Dringdesk.operator.host=127.0.0.1",
                                  "-Dringdesk.http.host=127.0.0.1", "-Dringdesk.ims.host=127.0.0.1",
                                  "-Dringdesk.database.path=" + databasePath};
    for (const std::string& define : defines)
        args.push_back("-D" + define);
    process_ = std::make_unique<test_support::ChildProcess>(serverBin, args,
                                                            (fs::path(dataDir_) / "server.log").string());

    const auto deadline = std::chrono::steady_clock::now() + timeout;
    for (;;) {
        if (fs::exists(readyFile)) {
            // The server renames a complete temporary file into place.
            const auto ready = Poco::JSON::Parser().parse(readWholeFile(readyFile)).extract<Poco::JSON::Object::Ptr>();
            operatorPort_ = static_cast<std::uint16_t>(ready->getValue<int>("operator_port"));
            httpPort_ = static_cast<std::uint16_t>(ready->getValue<int>("http_port"));
            return;
        }
        if (!process_->running())
            throw std::runtime_error("ringdesk-server exited before it was ready:\n" + logTail());
        if (std::chrono::steady_clock::now() >= deadline)
            throw std::runtime_error("ringdesk-server was not ready in time:\n" + logTail());
        std::this_thread::sleep_for(kPollInterval);
    }
}

BenchServer::~BenchServer()
{
    process_->stop();
    std::error_code ignored;
    fs::remove_all(dataDir_, ignored);
    if (!databaseDir_.empty())
        fs::remove_all(databaseDir_, ignored);
}

void BenchServer::checkRunning()
{
    if (!process_->running())
        throw std::runtime_error("ringdesk-server ended during the measurement:\n" + logTail());
}

std::string BenchServer::publicKeyPem() const
{
    return readWholeFile((fs::path(dataDir_) / "server_key.pub.pem").string());
}

std::string BenchServer::logTail(std::size_t bytes) const
{
    const std::string log = readWholeFile((fs::path(dataDir_) / "server.log").string());
    return log.size() <= bytes ? log : "..." + log.substr(log.size() - bytes);
}

} // namespace ringdesk::bench
