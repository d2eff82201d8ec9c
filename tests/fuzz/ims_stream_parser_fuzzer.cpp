// libFuzzer harness of the IMS stream splitter (protocol/ims_stream_parser.h). Two properties
// besides not crashing:
//   - splitting: the input fed whole and fed in chunks gives the same documents and the same
//     error;
//   - round trip: the documents written back to back split into the same documents again.
// The limit is small so that short inputs reach the too-large paths (the server's is 64 KiB).

#include "fuzz_support.h"

#include "protocol/ims_stream_parser.h"

namespace {

constexpr std::size_t kMaxDocumentBytes = 256;

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using ringdesk::ims::ImsStreamParser;
    namespace fuzz = ringdesk::fuzz;
    const std::string_view input = fuzz::asText(data, size);
    const auto whole = fuzz::decodeWholeAndChunked([] { return ImsStreamParser(kMaxDocumentBytes); }, input);

    std::string written;
    for (const std::string& document : whole.items)
        written += document;
    const auto resplit = fuzz::decodeStream(ImsStreamParser(kMaxDocumentBytes), written, false);
    if (!resplit.error.empty() || resplit.items != whole.items)
        fuzz::finding("the documents written back to back split differently", written);
    return 0;
}
