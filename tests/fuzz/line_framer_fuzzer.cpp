// libFuzzer harness of the operator protocol's line framer (protocol/line_framer.h). Two
// properties besides not crashing:
//   - splitting: the input fed whole and fed in chunks gives the same lines and the same error;
//   - round trip: the lines, each written back with "\r\n" (the framer strips exactly one
//     '\r'), frame to the same lines again.
// The limit is small so that short inputs reach the too-large paths (the server's is 64 KiB).

#include "fuzz_support.h"

#include "protocol/line_framer.h"

namespace {

constexpr std::size_t kMaxLineBytes = 64;

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using ringdesk::protocol::LineFramer;
    namespace fuzz = ringdesk::fuzz;
    const std::string_view input = fuzz::asText(data, size);
    const auto whole = fuzz::decodeWholeAndChunked([] { return LineFramer(kMaxLineBytes); }, input);

    std::string written;
    for (const std::string& line : whole.items)
        written += line + "\r\n";
    const auto reframed = fuzz::decodeStream(LineFramer(kMaxLineBytes), written, false);
    if (!reframed.error.empty() || reframed.items != whole.items)
        fuzz::finding("the lines written back frame differently", written);
    return 0;
}
