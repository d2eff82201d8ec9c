// libFuzzer harness of the WebSocket frame decoder (protocol/websocket_frame.h). Two properties
// besides not crashing:
//   - splitting: the input fed whole and fed in chunks gives the same messages and the same
//     error;
//   - round trip: each message, encoded again as one masked client frame (encodeFrame()),
//     decodes to the same message.
// The limit is small so that short inputs reach the too-large paths (the server's is 16 KiB).

#include "fuzz_support.h"

#include "protocol/websocket_frame.h"

namespace {

constexpr std::size_t kMaxMessageBytes = 512;
constexpr std::array<std::uint8_t, 4> kMask{0x37, 0xfa, 0x21, 0x3d};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace ringdesk::protocol::websocket;
    namespace fuzz = ringdesk::fuzz;
    const std::string_view input = fuzz::asText(data, size);
    const auto whole = fuzz::decodeWholeAndChunked([] { return FrameDecoder(kMaxMessageBytes); }, input);

    for (const Message& message : whole.items) {
        const std::string frame = encodeFrame(message.opcode, message.payload, true, kMask);
        const auto decoded = fuzz::decodeStream(FrameDecoder(kMaxMessageBytes), frame, false);
        if (!decoded.error.empty() || decoded.items.size() != 1 || decoded.items.front() != message)
            fuzz::finding("a decoded message, encoded again, decodes differently", message.payload);
    }
    return 0;
}
