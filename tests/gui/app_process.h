#pragma once
// ringdesk-operator as a child process of a GUI test: started on a given X display with the
// automation options (docs/operator-app.md), its output read line by line on a thread so the
// test can wait, with a deadline, for the trace lines it prints (trace_log.h).

#include <Poco/Pipe.h>
#include <Poco/Process.h>

#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace ringdesk::gui_test {

class AppProcess
{
public:
    /// Starts `binary` with `args` and DISPLAY=`display`; standard output and error are both read.
    AppProcess(const std::string& binary, const std::vector<std::string>& args, const std::string& display);
    /// Kills the app if it still runs and waits for it.
    ~AppProcess();

    AppProcess(const AppProcess&) = delete;
    AppProcess& operator=(const AppProcess&) = delete;

    /// The first output line not returned before for which `wanted` is true, waiting up to
    /// `timeout`. Throws std::runtime_error naming `what` and quoting the app's output when the
    /// deadline passes or the app exits first.
    std::string awaitLine(const std::function<bool(const std::string&)>& wanted, const std::string& what,
                          std::chrono::milliseconds timeout);

    /// Shorthand: the first new line that starts with `prefix`.
    std::string awaitPrefix(const std::string& prefix, std::chrono::milliseconds timeout);

private:
    void readOutput();

    std::unique_ptr<Poco::ProcessHandle> handle_;
    Poco::Pipe output_;
    std::thread reader_;
    mutable std::mutex mutex_;
    std::condition_variable changed_;
    std::vector<std::string> lines_;
    std::size_t consumed_ = 0;
    bool ended_ = false;
};

} // namespace ringdesk::gui_test
