#include "protocol/line_framer.h"

#include "protocol/protocol_error.h"

namespace ringdesk::protocol {

LineFramer::LineFramer(std::size_t maxLineBytes) : maxLineBytes_(maxLineBytes) {}

void LineFramer::feed(const char* data, std::size_t size)
{
    // Compact lazily so that many small lines do not cause quadratic copying.
    if (start_ > 0 && start_ >= buffer_.size() / 2) {
        buffer_.erase(0, start_);
        scanFrom_ -= start_;
        start_ = 0;
    }
    buffer_.append(data, size);
}

std::optional<std::string> LineFramer::next()
{
    const std::size_t newline = buffer_.find('\n', scanFrom_);
    if (newline == std::string::npos) {
        scanFrom_ = buffer_.size();
        // One byte over may be the '\r' of a "\r\n" split across reads, which is not part of the
        // line: refusing it would make a line of exactly maxLineBytes depend on where the stream
        // was split (found by the fuzzer).
        const std::size_t partial = buffer_.size() - start_;
        if (partial > maxLineBytes_ && !(partial == maxLineBytes_ + 1 && buffer_.back() == '\r'))
            throw ProtocolError(error_code::kTooLarge,
                                "line longer than " + std::to_string(maxLineBytes_) + " bytes");
        return std::nullopt;
    }
    std::size_t end = newline;
    if (end > start_ && buffer_[end - 1] == '\r')
        --end;
    if (end - start_ > maxLineBytes_)
        throw ProtocolError(error_code::kTooLarge,
                            "line longer than " + std::to_string(maxLineBytes_) + " bytes");
    std::string line = buffer_.substr(start_, end - start_);
    start_ = newline + 1;
    scanFrom_ = start_;
    if (start_ == buffer_.size()) {
        buffer_.clear();
        start_ = scanFrom_ = 0;
    }
    return line;
}

} // namespace ringdesk::protocol
