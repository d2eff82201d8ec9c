// libFuzzer harness of the IMS document codec (protocol/ims_document.h), both directions:
// parseClientDocument() and parseServerDocument() must refuse a text with a ProtocolError or
// return a document that serialize() writes back to a text parsing to the same document.

#include "fuzz_support.h"

#include "protocol/ims_document.h"

namespace {

template <class Document>
void checkRoundTrip(std::string_view xml, Document (*parse)(std::string_view))
{
    using ringdesk::protocol::ProtocolError;
    Document document;
    try {
        document = parse(xml);
    } catch (const ProtocolError&) {
        return;
    }
    (void)ringdesk::ims::documentKind(document);
    const std::string serialized = ringdesk::ims::serialize(document);
    try {
        if (parse(serialized) != document)
            ringdesk::fuzz::finding("parse(serialize(d)) differs from d", serialized);
    } catch (const ProtocolError& e) {
        ringdesk::fuzz::finding("the parser refuses what serialize() wrote", serialized + "\n" + e.what());
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace ringdesk::ims;
    const std::string_view xml = ringdesk::fuzz::asText(data, size);
    checkRoundTrip<ClientDocument>(xml, &parseClientDocument);
    checkRoundTrip<ServerDocument>(xml, &parseServerDocument);
    return 0;
}
