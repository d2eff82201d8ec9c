#pragma once
// Puts a threaded TCP front-end (operator NL chat, IMS XML) behind TLS: each accepted
// connection first completes the TLS handshake on its own pooled thread, within a deadline,
// and only then reaches the front-end, which reads and writes plain bytes through
// TlsSocketImpl as through any StreamSocket.

#include "server/io/tcp_listener.h"

#include <Poco/Net/Context.h>
#include <Poco/Timespan.h>

#include <string>

namespace ringdesk::tls {

/// A ConnectionMaker for io::TcpListener that wraps `makeConnection`'s connections in
/// TLS with `context` (makeServerContext()). A handshake that fails or does not complete
/// within `handshakeTimeout` is logged (logger "ringdesk.tls", notice) with the peer's
/// address, `endpointName` and the reason, and closes that connection only; the front-end
/// never sees it. A completed one is logged at debug level with protocol and cipher.
io::TcpListener::ConnectionMaker overTls(const std::string& endpointName, Poco::Net::Context::Ptr context,
                                         Poco::Timespan handshakeTimeout,
                                         io::TcpListener::ConnectionMaker makeConnection);

} // namespace ringdesk::tls
