#pragma once
// Fetching the server's public key (spec 2.1: "clients know the server's public key in
// advance"; Ringdesk publishes it at GET /keys/server.pem on its HTTP port).

#include "protocol/rsa_key.h"

#include <chrono>
#include <cstdint>
#include <string>

namespace ringdesk::operator_client {

/// Downloads and parses http://host:httpPort/keys/server.pem within `timeout` (per network
/// operation). Plain HTTP gives no assurance of whose key it is: an application should show
/// RsaPublicKey::fingerprint() to the user once and pin it, as ssh does.
/// Throws ConnectionError (operator_connection.h) when the request fails or the answer is not
/// 200 or is larger than limits::kMaxPublicKeyPemBytes; protocol::ProtocolError(kBadField)
/// when the body is not an accepted RSA public key (RsaPublicKey::fromPem()).
protocol::RsaPublicKey fetchServerKey(const std::string& host, std::uint16_t httpPort,
                                      std::chrono::milliseconds timeout);

} // namespace ringdesk::operator_client
