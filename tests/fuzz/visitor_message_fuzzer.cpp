// libFuzzer harness of the visitor WebSocket message codec (protocol/visitor_message.h), both
// directions: decodeClient() and decodeServer() must refuse a frame with a ProtocolError or
// return a message that round-trips. Messages have no operator==, so the round trip is compared
// through the canonical encoding: encode(decode(encode(m))) == encode(m).

#include "fuzz_support.h"

#include "protocol/visitor_message.h"

namespace {

template <class Decode, class Encode>
void checkRoundTrip(std::string_view frame, Decode decode, Encode encode)
{
    using ringdesk::protocol::ProtocolError;
    std::string encoded;
    try {
        encoded = encode(decode(frame));
    } catch (const ProtocolError&) {
        return;
    }
    std::string reencoded;
    try {
        reencoded = encode(decode(encoded));
    } catch (const ProtocolError& e) {
        ringdesk::fuzz::finding("the decoder refuses what the encoder wrote", encoded + "\n" + e.what());
    }
    if (reencoded != encoded)
        ringdesk::fuzz::finding("decode(encode(m)) differs from m", encoded + "\n" + reencoded);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace ringdesk::visitor;
    const std::string_view frame = ringdesk::fuzz::asText(data, size);
    checkRoundTrip(
        frame, [](std::string_view text) { return decodeClient(text); },
        [](const ClientMessage& message) { return encodeClient(message); });
    checkRoundTrip(
        frame, [](std::string_view text) { return decodeServer(text); },
        [](const ServerMessage& message) { return encodeServer(message); });
    return 0;
}
