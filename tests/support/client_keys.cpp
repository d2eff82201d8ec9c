#include "support/client_keys.h"

#include <stdexcept>

namespace ringdesk::integration {

const protocol::RsaPrivateKey& clientKey2048(int index)
{
    // Function-local statics: generated on first use, thread-safe initialization.
    static const protocol::RsaPrivateKey first = protocol::RsaPrivateKey::generate(2048);
    static const protocol::RsaPrivateKey second = protocol::RsaPrivateKey::generate(2048);
    if (index != 0 && index != 1)
        throw std::out_of_range("clientKey2048: index must be 0 or 1");
    return index == 0 ? first : second;
}

const protocol::RsaPrivateKey& clientKey4096()
{
    static const protocol::RsaPrivateKey key = protocol::RsaPrivateKey::generate(4096);
    return key;
}

} // namespace ringdesk::integration
