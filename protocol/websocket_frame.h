#pragma once
// RFC 6455 framing for the server side of a WebSocket (the visitor endpoint, docs/visitor-api.md):
// decodes the client's frames into whole messages and control frames, encodes the server's
// frames, and computes the handshake's Sec-WebSocket-Accept value. Bytes only: no sockets.

#include "protocol/protocol_error.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace ringdesk::protocol::websocket {

/// Frame opcodes (RFC 6455 §5.2).
enum class Opcode : std::uint8_t
{
    kContinuation = 0x0,
    kText = 0x1,
    kBinary = 0x2,
    kClose = 0x8,
    kPing = 0x9,
    kPong = 0xA,
};

/// Close status codes used by the server (RFC 6455 §7.4.1).
namespace close_code {
inline constexpr std::uint16_t kNormal = 1000;
inline constexpr std::uint16_t kGoingAway = 1001;
inline constexpr std::uint16_t kProtocolError = 1002;
inline constexpr std::uint16_t kTooBig = 1009;
} // namespace close_code

/// A complete message (text or binary, fragments joined) or one control frame
/// (close, ping, pong; payload ≤ 125 bytes).
struct Message
{
    Opcode opcode = Opcode::kText;
    std::string payload;
    bool operator==(const Message&) const = default;
};

/// A frame the server must not accept. `code()` is error_code::kTooLarge for a message over the
/// limit (the peer is told) and "bad_frame" for a violation of §5 (unmasked client frame, reserved
/// bits or opcodes, a bad control frame, a continuation without a start); `closeCode()` is the
/// status to close with (1009 or 1002). After it the decoder must be discarded.
class FrameError : public ProtocolError
{
public:
    FrameError(std::string code, const std::string& message, std::uint16_t closeCode)
        : ProtocolError(std::move(code), message), closeCode_(closeCode)
    {
    }
    std::uint16_t closeCode() const noexcept { return closeCode_; }

private:
    std::uint16_t closeCode_;
};

/// Incremental decoder of a client's byte stream (§5.2–5.5).
///
/// feed() appends received bytes; next() returns the next message or control frame, or
/// std::nullopt when more bytes are needed. Client frames must be masked (§5.3). A fragmented
/// text/binary message is returned once, joined; control frames may arrive between its
/// fragments (§5.4). A message whose payload would exceed maxMessageBytes throws FrameError
/// (kTooLarge, 1009) as soon as its header is read, so memory stays bounded by
/// maxMessageBytes + one frame header + one read.
class FrameDecoder
{
public:
    explicit FrameDecoder(std::size_t maxMessageBytes);

    void feed(const char* data, std::size_t size);
    std::optional<Message> next();

private:
    std::size_t maxMessageBytes_;
    std::string buffer_;
    std::size_t start_ = 0; // first byte of the next frame in buffer_
    bool inMessage_ = false; // a fragmented message has started
    Opcode messageOpcode_ = Opcode::kText;
    std::string message_;    // its fragments so far
};

/// One frame with FIN set unless `final` is false. Server frames are unmasked (§5.1); a client
/// (the tests) passes `mask`. The payload of a control frame must be ≤ 125 bytes
/// (std::invalid_argument otherwise).
std::string encodeFrame(Opcode opcode, std::string_view payload, bool final = true,
                        std::optional<std::array<std::uint8_t, 4>> mask = std::nullopt);

/// A close frame with a status code and a reason (truncated to fit 125 bytes).
std::string encodeClose(std::uint16_t code, std::string_view reason = {});

/// The status code of a close frame's payload, or std::nullopt when it carries none (§5.5.1).
std::optional<std::uint16_t> closeStatus(std::string_view closePayload);

/// Sec-WebSocket-Accept for a client's Sec-WebSocket-Key (§4.2.2): base64(SHA-1(key + GUID)).
std::string acceptKey(const std::string& clientKey);

} // namespace ringdesk::protocol::websocket
