#pragma once
// The error document Ringdesk sends to an IMS client whose document it cannot read
// (docs/ims.md, "Errors"). The IMS spec has no error document; this one is an extension a
// client that does not know it can skip: <ERROR code="bad_xml">what was wrong</ERROR>.

#include <string>

namespace ringdesk::ims_endpoint {

inline constexpr const char* kErrorElement = "ERROR";

/// One ERROR document. `code` is a protocol::error_code token; `message` is escaped, and any
/// byte that is not printable ASCII is written as '?', so the result is always well-formed.
std::string errorDocument(const std::string& code, const std::string& message);

} // namespace ringdesk::ims_endpoint
