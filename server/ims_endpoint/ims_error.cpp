#include "server/ims_endpoint/ims_error.h"

namespace ringdesk::ims_endpoint {
namespace {

std::string escape(const std::string& text)
{
    std::string out;
    for (char c : text) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&apos;"; break;
        default: out += (c >= 0x20 && c < 0x7f) ? c : '?';
        }
    }
    return out;
}

} // namespace

std::string errorDocument(const std::string& code, const std::string& message)
{
    return std::string("<") + kErrorElement + " code=\"" + escape(code) + "\">" + escape(message) +
           "</" + kErrorElement + ">";
}

} // namespace ringdesk::ims_endpoint
