#include "server/io/socket_io.h"

#include <Poco/Exception.h>

namespace ringdesk::io {

void sendAll(Poco::Net::StreamSocket& socket, const std::string& bytes)
{
    const char* data = bytes.data();
    std::size_t left = bytes.size();
    while (left > 0) {
        const int sent = socket.sendBytes(data, static_cast<int>(left));
        if (sent <= 0)
            throw Poco::IOException("connection closed while sending");
        data += sent;
        left -= static_cast<std::size_t>(sent);
    }
}

void shutdownQuietly(Poco::Net::StreamSocket& socket) noexcept
{
    try {
        socket.shutdown();
    } catch (const Poco::Exception&) {
        // Already closed by the peer: nothing left to do.
    }
}

} // namespace ringdesk::io
