#pragma once
// The errors an operator connection reports for its transport.

#include <stdexcept>

namespace ringdesk::operator_client {

/// The transport failed: the connection could not be opened, the server closed or reset it,
/// a write failed, or an awaited answer did not come in time. The connection is closed when
/// this is thrown (except for a login timeout, see NlchatClient::login()).
class ConnectionError : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

/// The server's TLS certificate was refused (not issued by a trusted authority, expired, or
/// not for the host name), or the trusted certificates could not be loaded. Trying again with
/// the same settings fails the same way.
class TlsVerificationError : public ConnectionError
{
public:
    using ConnectionError::ConnectionError;
};

} // namespace ringdesk::operator_client
