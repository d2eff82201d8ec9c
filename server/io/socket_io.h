#pragma once
// Blocking writes shared by the TCP front-ends' writer threads.

#include <Poco/Net/StreamSocket.h>

#include <string>

namespace ringdesk::io {

/// Writes every byte of `bytes`; throws Poco::IOException when the peer is gone.
void sendAll(Poco::Net::StreamSocket& socket, const std::string& bytes);

/// Shuts the socket down in both directions, ignoring errors (the peer may be gone already);
/// the connection's reading thread then ends and tells the core.
void shutdownQuietly(Poco::Net::StreamSocket& socket) noexcept;

} // namespace ringdesk::io
