#include "protocol/protocol_error.h"

namespace ringdesk::protocol {

ProtocolError::ProtocolError(std::string code, const std::string& message)
    : std::runtime_error(message), code_(std::move(code))
{
}

} // namespace ringdesk::protocol
