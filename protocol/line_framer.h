#pragma once
// Splits a byte stream into '\n'-terminated lines (the operator protocol's framing,
// PRODUCT.md "Wire contract"). Frames only: it never parses what a line holds.

#include <cstddef>
#include <optional>
#include <string>

namespace ringdesk::protocol {

/// Incremental line splitter with a hard length limit.
///
/// feed() appends received bytes; next() returns each complete line without its '\n'
/// (a trailing '\r' is removed too), or std::nullopt when more bytes are needed.
/// A line longer than maxLineBytes throws ProtocolError(error_code::kTooLarge) from
/// next() as soon as the buffered partial line exceeds the limit, so memory stays
/// bounded by maxLineBytes + one read. After that error the framer must be discarded
/// (the connection is closed).
class LineFramer
{
public:
    explicit LineFramer(std::size_t maxLineBytes);

    void feed(const char* data, std::size_t size);
    std::optional<std::string> next();

    /// True when bytes of an unfinished line are buffered.
    bool hasPartial() const { return start_ < buffer_.size(); }

private:
    std::size_t maxLineBytes_;
    std::string buffer_;
    std::size_t start_ = 0;    // first byte of the current line
    std::size_t scanFrom_ = 0; // bytes before this were already searched for '\n'
};

} // namespace ringdesk::protocol
