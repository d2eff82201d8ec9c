#include "protocol/websocket_frame.h"

#include <Poco/Base64Encoder.h>
#include <Poco/SHA1Engine.h>

#include <sstream>
#include <stdexcept>

namespace ringdesk::protocol::websocket {
namespace {

constexpr std::size_t kMaxControlPayload = 125;
constexpr const char* kBadFrame = "bad_frame";

[[noreturn]] void refuse(const std::string& message)
{
    throw FrameError(kBadFrame, message, close_code::kProtocolError);
}

bool isControl(std::uint8_t opcode) { return (opcode & 0x8) != 0; }

bool isKnown(std::uint8_t opcode)
{
    switch (static_cast<Opcode>(opcode)) {
    case Opcode::kContinuation:
    case Opcode::kText:
    case Opcode::kBinary:
    case Opcode::kClose:
    case Opcode::kPing:
    case Opcode::kPong:
        return true;
    }
    return false;
}

} // namespace

FrameDecoder::FrameDecoder(std::size_t maxMessageBytes) : maxMessageBytes_(maxMessageBytes) {}

void FrameDecoder::feed(const char* data, std::size_t size)
{
    if (start_ > 0 && start_ == buffer_.size()) {
        buffer_.clear();
        start_ = 0;
    } else if (start_ > 4096 && start_ * 2 > buffer_.size()) {
        buffer_.erase(0, start_);
        start_ = 0;
    }
    buffer_.append(data, size);
}

std::optional<Message> FrameDecoder::next()
{
    for (;;) {
        const std::size_t available = buffer_.size() - start_;
        if (available < 2)
            return std::nullopt;
        const auto* bytes = reinterpret_cast<const std::uint8_t*>(buffer_.data() + start_);
        const bool fin = (bytes[0] & 0x80) != 0;
        const std::uint8_t opcode = bytes[0] & 0x0F;
        if ((bytes[0] & 0x70) != 0)
            refuse("reserved bits set without a negotiated extension");
        if (!isKnown(opcode))
            refuse("unknown opcode " + std::to_string(opcode));
        if ((bytes[1] & 0x80) == 0)
            refuse("client frames must be masked");

        std::size_t header = 2;
        std::uint64_t length = bytes[1] & 0x7F;
        if (length == 126) {
            header += 2;
            if (available < header)
                return std::nullopt;
            length = (std::uint64_t{bytes[2]} << 8) | bytes[3];
        } else if (length == 127) {
            header += 8;
            if (available < header)
                return std::nullopt;
            length = 0;
            for (int i = 2; i < 10; ++i)
                length = (length << 8) | bytes[i];
            if (length >> 63)
                refuse("payload length with the most significant bit set");
        }

        if (isControl(opcode)) {
            if (!fin)
                refuse("fragmented control frame");
            if (length > kMaxControlPayload)
                refuse("control frame over 125 bytes");
        } else if (opcode == static_cast<std::uint8_t>(Opcode::kContinuation)) {
            if (!inMessage_)
                refuse("continuation frame without a message to continue");
        } else if (inMessage_) {
            refuse("new message before the previous one was finished");
        }
        if (!isControl(opcode) && length > maxMessageBytes_ - std::min(maxMessageBytes_, message_.size()))
            throw FrameError(error_code::kTooLarge,
                             "message over " + std::to_string(maxMessageBytes_) + " bytes",
                             close_code::kTooBig);

        header += 4; // masking key
        if (available < header + length)
            return std::nullopt;
        const std::uint8_t* key = bytes + header - 4;
        std::string payload(buffer_.data() + start_ + header, static_cast<std::size_t>(length));
        for (std::size_t i = 0; i < payload.size(); ++i)
            payload[i] = static_cast<char>(static_cast<std::uint8_t>(payload[i]) ^ key[i % 4]);
        start_ += header + static_cast<std::size_t>(length);

        if (isControl(opcode))
            return Message{static_cast<Opcode>(opcode), std::move(payload)};
        if (fin && !inMessage_)
            return Message{static_cast<Opcode>(opcode), std::move(payload)};
        if (!inMessage_) {
            inMessage_ = true;
            messageOpcode_ = static_cast<Opcode>(opcode);
            message_ = std::move(payload);
        } else {
            message_ += payload;
        }
        if (fin) {
            inMessage_ = false;
            Message joined{messageOpcode_, std::move(message_)};
            message_.clear();
            return joined;
        }
    }
}

std::string encodeFrame(Opcode opcode, std::string_view payload, bool final,
                        std::optional<std::array<std::uint8_t, 4>> mask)
{
    const auto code = static_cast<std::uint8_t>(opcode);
    if (isControl(code) && (payload.size() > kMaxControlPayload || !final))
        throw std::invalid_argument("a control frame is final and carries at most 125 bytes");
    std::string frame;
    frame.reserve(payload.size() + 14);
    frame.push_back(static_cast<char>((final ? 0x80 : 0x00) | code));
    const std::uint8_t maskBit = mask ? 0x80 : 0x00;
    if (payload.size() < 126) {
        frame.push_back(static_cast<char>(maskBit | payload.size()));
    } else if (payload.size() <= 0xFFFF) {
        frame.push_back(static_cast<char>(maskBit | 126));
        frame.push_back(static_cast<char>(payload.size() >> 8));
        frame.push_back(static_cast<char>(payload.size() & 0xFF));
    } else {
        frame.push_back(static_cast<char>(maskBit | 127));
        for (int shift = 56; shift >= 0; shift -= 8)
            frame.push_back(static_cast<char>((static_cast<std::uint64_t>(payload.size()) >> shift) & 0xFF));
    }
    if (!mask) {
        frame.append(payload);
        return frame;
    }
    frame.append(reinterpret_cast<const char*>(mask->data()), 4);
    for (std::size_t i = 0; i < payload.size(); ++i)
        frame.push_back(static_cast<char>(static_cast<std::uint8_t>(payload[i]) ^ (*mask)[i % 4]));
    return frame;
}

std::string encodeClose(std::uint16_t code, std::string_view reason)
{
    std::string payload;
    payload.push_back(static_cast<char>(code >> 8));
    payload.push_back(static_cast<char>(code & 0xFF));
    payload.append(reason.substr(0, kMaxControlPayload - 2));
    return encodeFrame(Opcode::kClose, payload);
}

std::optional<std::uint16_t> closeStatus(std::string_view closePayload)
{
    if (closePayload.size() < 2)
        return std::nullopt;
    return static_cast<std::uint16_t>((static_cast<std::uint8_t>(closePayload[0]) << 8) |
                                      static_cast<std::uint8_t>(closePayload[1]));
}

std::string acceptKey(const std::string& clientKey)
{
    Poco::SHA1Engine sha1;
    sha1.update(clientKey + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11");
    const Poco::DigestEngine::Digest& digest = sha1.digest();
    std::ostringstream out;
    Poco::Base64Encoder base64(out);
    base64.write(reinterpret_cast<const char*>(digest.data()), static_cast<std::streamsize>(digest.size()));
    base64.close();
    return out.str();
}

} // namespace ringdesk::protocol::websocket
