#include "xvfb_display.h"

#include <Poco/Pipe.h>
#include <Poco/Exception.h>
#include <Poco/PipeStream.h>

#include <future>
#include <stdexcept>

#ifndef RINGDESK_XVFB_BIN
#error "RINGDESK_XVFB_BIN must name the Xvfb binary (tests/gui/CMakeLists.txt)"
#endif

namespace ringdesk::gui_test {

XvfbDisplay::XvfbDisplay(std::chrono::milliseconds timeout)
{
    auto output = std::make_shared<Poco::Pipe>();
    // -displayfd 1: Xvfb picks a free display and writes its number to stdout once it accepts
    // connections; that line is the readiness signal.
    handle_ = std::make_unique<Poco::ProcessHandle>(Poco::Process::launch(
        RINGDESK_XVFB_BIN, {"-displayfd", "1", "-screen", "0", "1280x800x24", "-nolisten", "tcp"}, nullptr,
        output.get(), nullptr));
    auto number = std::async(std::launch::async, [output] {
        Poco::PipeInputStream in(*output);
        std::string line;
        std::getline(in, line);
        return line;
    });
    if (number.wait_for(timeout) != std::future_status::ready) {
        Poco::Process::kill(*handle_);
        handle_->wait();
        throw std::runtime_error("Xvfb did not report a display within " + std::to_string(timeout.count()) + " ms");
    }
    const std::string line = number.get();
    if (line.empty() || line.find_first_not_of("0123456789") != std::string::npos) {
        handle_->wait();
        handle_.reset();
        throw std::runtime_error("Xvfb failed to start (display line \"" + line + "\")");
    }
    name_ = ":" + line;
}

XvfbDisplay::~XvfbDisplay()
{
    if (!handle_)
        return;
    try {
        Poco::Process::kill(*handle_);
        handle_->wait();
    } catch (const Poco::Exception&) {
        // Already gone: nothing is left to clean up.
    }
}

} // namespace ringdesk::gui_test
