#include "mosquitto_broker.h"

#include "bench_server.h"
#include "line_transport.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <system_error>
#include <thread>

namespace fs = std::filesystem;

namespace ringdesk::bench {

std::uint16_t freeLoopbackPort()
{
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    if (::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
        ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
        ::close(fd);
        throw std::system_error(errno, std::generic_category(), "bind");
    }
    ::close(fd);
    return ntohs(address.sin_port);
}

std::string MosquittoBroker::find()
{
    std::vector<std::string> dirs;
    if (const char* path = std::getenv("PATH")) {
        std::istringstream list(path);
        for (std::string dir; std::getline(list, dir, ':');)
            dirs.push_back(dir);
    }
    dirs.push_back("/usr/sbin");
    for (const std::string& dir : dirs) {
        const fs::path candidate = fs::path(dir) / "mosquitto";
        if (::access(candidate.c_str(), X_OK) == 0)
            return candidate.string();
    }
    return {};
}

MosquittoBroker::MosquittoBroker(const std::string& mosquittoBin, const std::string& workDir)
{
    const fs::path dir = fs::path(workDir) / "mosquitto";
    fs::create_directories(dir);
    port_ = freeLoopbackPort();
    const std::string config = (dir / "mosquitto.conf").string();
    std::ofstream(config) << "listener " << port_ << " 127.0.0.1\nallow_anonymous true\n";
    const std::string log = (dir / "mosquitto.log").string();
    process_ =
        std::make_unique<test_support::ChildProcess>(mosquittoBin, std::vector<std::string>{"-c", config}, log);
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    for (;;) {
        try {
            ::close(connectLoopback(port_));
            return;
        } catch (const std::system_error&) {
            if (!process_->running() || std::chrono::steady_clock::now() >= deadline)
                throw std::runtime_error("mosquitto did not start:\n" + readWholeFile(log));
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
    }
}

MosquittoBroker::~MosquittoBroker() { process_->stop(); }

} // namespace ringdesk::bench
