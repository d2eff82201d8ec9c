#include "app_process.h"

#include <Poco/Exception.h>
#include <Poco/PipeStream.h>

#include <stdexcept>

namespace ringdesk::gui_test {

AppProcess::AppProcess(const std::string& binary, const std::vector<std::string>& args, const std::string& display)
{
    Poco::Process::Env env;
    env["DISPLAY"] = display;
    // No session bus under Xvfb: keep GTK from trying accessibility and portals over it.
    env["NO_AT_BRIDGE"] = "1";
    env["GTK_USE_PORTAL"] = "0";
    handle_ = std::make_unique<Poco::ProcessHandle>(
        Poco::Process::launch(binary, args, std::string(), nullptr, &output_, &output_, env));
    reader_ = std::thread([this] { readOutput(); });
}

AppProcess::~AppProcess()
{
    try {
        if (Poco::Process::isRunning(*handle_))
            Poco::Process::kill(*handle_);
        handle_->wait();
    } catch (const Poco::Exception&) {
        // Already reaped: the reader still ends at the pipe's end.
    }
    output_.close(Poco::Pipe::CLOSE_READ);
    if (reader_.joinable())
        reader_.join();
}

void AppProcess::readOutput()
{
    Poco::PipeInputStream in(output_);
    std::string line;
    while (std::getline(in, line)) {
        std::lock_guard lock(mutex_);
        lines_.push_back(line);
        changed_.notify_all();
    }
    std::lock_guard lock(mutex_);
    ended_ = true;
    changed_.notify_all();
}

std::string AppProcess::awaitLine(const std::function<bool(const std::string&)>& wanted, const std::string& what,
                                  std::chrono::milliseconds timeout)
{
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    std::unique_lock lock(mutex_);
    for (;;) {
        while (consumed_ < lines_.size()) {
            const std::string& line = lines_[consumed_++];
            if (wanted(line))
                return line;
        }
        if (ended_)
            break;
        if (changed_.wait_until(lock, deadline) == std::cv_status::timeout && consumed_ == lines_.size())
            break;
    }
    std::string output;
    for (const std::string& line : lines_)
        output += "\n  | " + line;
    throw std::runtime_error("ringdesk-operator: no " + what + (ended_ ? " before it exited" : " in time") +
                             "; its output:" + output);
}

std::string AppProcess::awaitPrefix(const std::string& prefix, std::chrono::milliseconds timeout)
{
    return awaitLine([&prefix](const std::string& line) { return line.rfind(prefix, 0) == 0; },
                     "line starting \"" + prefix + "\"", timeout);
}

} // namespace ringdesk::gui_test
