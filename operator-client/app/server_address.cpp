#include "operator-client/app/server_address.h"

#include <charconv>

namespace ringdesk::operator_app {
namespace {

std::string_view trim(std::string_view text)
{
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos)
        return {};
    const auto last = text.find_last_not_of(" \t\r\n");
    return text.substr(first, last - first + 1);
}

std::optional<std::uint16_t> parsePort(std::string_view text)
{
    unsigned value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || error != std::errc() || end != text.data() + text.size() || value == 0 || value > 65535)
        return std::nullopt;
    return static_cast<std::uint16_t>(value);
}

} // namespace

std::optional<ServerAddress> parseServerAddress(std::string_view text, std::uint16_t defaultPort)
{
    text = trim(text);
    ServerAddress address;
    address.port = defaultPort;
    std::string_view portText;
    if (!text.empty() && text.front() == '[') {
        const auto close = text.find(']');
        if (close == std::string_view::npos)
            return std::nullopt;
        address.host = std::string(text.substr(1, close - 1));
        const std::string_view rest = text.substr(close + 1);
        if (!rest.empty()) {
            if (rest.front() != ':')
                return std::nullopt;
            portText = rest.substr(1);
            if (portText.empty())
                return std::nullopt;
        }
    } else {
        const auto colon = text.rfind(':');
        // More than one colon without brackets: a bare IPv6 address, no port.
        if (colon != std::string_view::npos && text.find(':') == colon) {
            address.host = std::string(text.substr(0, colon));
            portText = text.substr(colon + 1);
            if (portText.empty())
                return std::nullopt;
        } else {
            address.host = std::string(text);
        }
    }
    if (address.host.empty())
        return std::nullopt;
    if (!portText.empty()) {
        const auto port = parsePort(portText);
        if (!port)
            return std::nullopt;
        address.port = *port;
    }
    return address;
}

std::string formatServerAddress(const ServerAddress& address)
{
    const bool v6 = address.host.find(':') != std::string::npos;
    return (v6 ? "[" + address.host + "]" : address.host) + ":" + std::to_string(address.port);
}

} // namespace ringdesk::operator_app
