#pragma once
// Operator key pairs for raw-mode tests, generated once per test process (a 4096-bit key
// takes a second or more) and shared by every test.

#include "protocol/rsa_key.h"

namespace ringdesk::integration {

/// One of two distinct 2048-bit key pairs: `index` 0 or 1.
const protocol::RsaPrivateKey& clientKey2048(int index);
/// A 4096-bit key pair (spec 1.2.1: "In the future 4096 bit keys may be used").
const protocol::RsaPrivateKey& clientKey4096();

} // namespace ringdesk::integration
