// libFuzzer harness of the NL chat plain packet codec (protocol/nlchat_packet.h): decode() must
// refuse any line with a ProtocolError or return a packet that encode() writes back to a line
// decode() reads as the same packet. Packets have no operator==, so "the same" is compared
// through their canonical encoding: encode(decode(encode(p))) == encode(p).

#include "fuzz_support.h"

#include "protocol/nlchat_packet.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace ringdesk;
    nlchat::Packet packet;
    try {
        packet = nlchat::decode(fuzz::asText(data, size));
    } catch (const protocol::ProtocolError&) {
        return 0;
    }
    const std::string encoded = nlchat::encode(packet);
    std::string reencoded;
    try {
        reencoded = nlchat::encode(nlchat::decode(encoded));
    } catch (const protocol::ProtocolError& e) {
        fuzz::finding("decode() refuses what encode() wrote", encoded + "\n" + e.what());
    }
    if (reencoded != encoded)
        fuzz::finding("decode(encode(p)) differs from p", encoded + "\n" + reencoded);
    return 0;
}
