#include "operator-client/session/wakeup_socket.h"

#include "operator-client/session/timespan.h"

#include <Poco/Net/SocketAddress.h>

#include <array>

namespace ringdesk::operator_client {

WakeupSocket::WakeupSocket()
    : receiver_(Poco::Net::SocketAddress("127.0.0.1", 0)),
      sender_(Poco::Net::SocketAddress::IPv4)
{
    receiver_.setBlocking(false);
    sender_.setBlocking(false);
    sender_.connect(receiver_.address());
}

void WakeupSocket::ring() noexcept
{
    const char byte = 1;
    try {
        sender_.sendBytes(&byte, 1);
    } catch (const Poco::Exception&) {
        // Only a full receive buffer makes a loopback datagram fail, and a full buffer is
        // readable already: the waiting thread wakes up either way.
    }
}

void WakeupSocket::drain()
{
    std::array<char, 64> bytes{};
    while (receiver_.poll(Poco::Timespan(0), Poco::Net::Socket::SELECT_READ)) {
        if (receiver_.receiveBytes(bytes.data(), static_cast<int>(bytes.size())) <= 0)
            break;
    }
}

bool WakeupSocket::wait(std::chrono::milliseconds timeout)
{
    const bool rung = receiver_.poll(toTimespan(timeout), Poco::Net::Socket::SELECT_READ);
    if (rung)
        drain();
    return rung;
}

} // namespace ringdesk::operator_client
