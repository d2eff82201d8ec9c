// libFuzzer harness of the raw packet envelope (protocol/raw_packet.h) with the fixed key of
// raw_packet_fuzzer_key.h. Properties besides not crashing:
//   - the envelope round-trips: parseRawEnvelope(serializeRawEnvelope(e)) == e;
//   - an envelope that opens holds a plaintext that, sealed again for the same key, opens to the
//     same bytes.
// The recipient checked is the envelope's own "to", so the fuzzer reaches the RSA work.

#include "fuzz_support.h"
#include "raw_packet_fuzzer_key.h"

#include "protocol/raw_packet.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace ringdesk::protocol;
    namespace fuzz = ringdesk::fuzz;
    // Parsed once per process: a key's PEM decoding is slower than most inputs.
    static const RsaPrivateKey key = RsaPrivateKey::fromPem(fuzz::kRawPacketKeyPem);

    const std::string_view line = fuzz::asText(data, size);
    (void)looksLikeRawEnvelope(line);
    RawEnvelope envelope;
    try {
        envelope = parseRawEnvelope(line);
    } catch (const ProtocolError&) {
        return 0;
    }
    const std::string serialized = serializeRawEnvelope(envelope);
    try {
        if (parseRawEnvelope(serialized) != envelope)
            fuzz::finding("parseRawEnvelope(serializeRawEnvelope(e)) differs from e", serialized);
    } catch (const ProtocolError& e) {
        fuzz::finding("parseRawEnvelope() refuses what serializeRawEnvelope() wrote",
                      serialized + "\n" + e.what());
    }

    std::string plaintext;
    try {
        plaintext = openRawPacket(envelope, key, envelope.to);
    } catch (const ProtocolError&) {
        return 0;
    }
    const RawEnvelope resealed = sealRawPacket(plaintext, key.publicKey(), envelope.uuid, envelope.to);
    if (openRawPacket(resealed, key, envelope.to) != plaintext)
        fuzz::finding("a plaintext sealed again opens to different bytes", plaintext);
    return 0;
}
