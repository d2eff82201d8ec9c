#include "support/ims_client.h"

#include "server/store/password_hash.h"

#include <array>
#include <stdexcept>

namespace ringdesk::ims_tests {

using Clock = std::chrono::steady_clock;

ImsClient::ImsClient(std::uint16_t port) : socket_(Poco::Net::SocketAddress("127.0.0.1", port)) {}

ImsClient::ImsClient(std::uint16_t port, const operator_client::TlsOptions& tls)
    : socket_(operator_client::connectTls("127.0.0.1", port, tls, std::chrono::seconds(10)))
{
}

void ImsClient::send(const std::string& documents)
{
    socket_.sendBytes(documents.data(), static_cast<int>(documents.size()));
}

std::optional<std::string> ImsClient::next(std::chrono::milliseconds timeout)
{
    const auto deadline = Clock::now() + timeout;
    std::array<char, 4096> buffer{};
    for (;;) {
        if (std::optional<std::string> document = parser_.next())
            return document;
        if (closed_)
            return std::nullopt;
        const auto left = std::chrono::duration_cast<std::chrono::microseconds>(deadline - Clock::now());
        if (left.count() <= 0)
            throw std::runtime_error("no document from the server within the timeout");
        // With TLS, decrypted bytes may wait in the socket while the descriptor shows nothing.
        if (socket_.available() <= 0 &&
            !socket_.poll(Poco::Timespan(left.count()), Poco::Net::Socket::SELECT_READ))
            continue;
        int received = 0;
        try {
            received = socket_.receiveBytes(buffer.data(), static_cast<int>(buffer.size()));
        } catch (const Poco::Exception&) {
            received = 0; // reset by the server: closed
        }
        if (received <= 0)
            closed_ = true;
        else
            parser_.feed(buffer.data(), static_cast<std::size_t>(received));
    }
}

void ImsClient::sendExpectEcho(const std::string& document)
{
    send(document);
    const std::optional<std::string> echo = next();
    if (echo != document)
        throw std::runtime_error("expected the echo of " + document + ", got " + echo.value_or("(closed)"));
}

bool ImsClient::closedWithin(std::chrono::milliseconds timeout)
{
    const auto deadline = Clock::now() + timeout;
    while (Clock::now() < deadline)
        if (!next(std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now())))
            return true;
    return false;
}

std::string ImsClient::login(const std::string& user, const std::string& password)
{
    sendExpectEcho("<LOGIN user=\"" + user + "\" pass=\"" + store::md5Hex(password) + "\"/>");
    return next().value_or("(closed)");
}

} // namespace ringdesk::ims_tests
