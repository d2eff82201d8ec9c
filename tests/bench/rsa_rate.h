#pragma once
// This machine's RSA private-operation rate, measured with the same code the server uses
// (protocol::openRawPacket on one-block envelopes), as the RSA scenario's baseline.

#include "protocol/rsa_key.h"

#include <chrono>

namespace ringdesk::bench {

/// RSA-OAEP private operations (one-block openRawPacket calls) per second with `threads`
/// threads working for `duration`, on `key`.
double measurePrivateOpRate(const protocol::RsaPrivateKey& key, unsigned threads,
                            std::chrono::milliseconds duration);

} // namespace ringdesk::bench
