#pragma once
// The server address an operator types in the login dialog or passes with --server.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace ringdesk::operator_app {

/// The operator endpoint's default ports (ringdesk.operator.port and ringdesk.operator.tlsPort,
/// docs/configuration.md).
inline constexpr std::uint16_t kDefaultOperatorPort = 7010;
inline constexpr std::uint16_t kDefaultOperatorTlsPort = 7020;

struct ServerAddress
{
    std::string host;
    std::uint16_t port = kDefaultOperatorPort;
};

/// Parses "host", "host:port", "[v6-address]" or "[v6-address]:port" (surrounding blanks
/// ignored). A missing port is `defaultPort` (kDefaultOperatorTlsPort for TLS). Returns
/// std::nullopt for an empty host, a port that is not a number in 1..65535, or an unclosed '['.
std::optional<ServerAddress> parseServerAddress(std::string_view text,
                                                std::uint16_t defaultPort = kDefaultOperatorPort);

/// The address as parseServerAddress() reads it back ("host:port", "[v6]:port").
std::string formatServerAddress(const ServerAddress& address);

} // namespace ringdesk::operator_app
