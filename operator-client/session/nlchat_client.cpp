#include "operator-client/session/nlchat_client.h"

#include "operator-client/session/timespan.h"
#include "protocol/protocol_error.h"
#include "protocol/raw_packet.h"

#include <Poco/Net/NetException.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/Net/SocketDefs.h>
#include <Poco/UUIDGenerator.h>

#include <stdexcept>

namespace ringdesk::operator_client {

namespace code = protocol::error_code;
using protocol::ProtocolError;

namespace {

constexpr std::size_t kReadChunkBytes = 16 * 1024;

#ifdef MSG_NOSIGNAL
// A peer that closed its end must surface as an error from send(), not kill the process.
constexpr int kSendFlags = MSG_NOSIGNAL;
#else
constexpr int kSendFlags = 0;
#endif

} // namespace

std::string randomUuid() { return Poco::UUIDGenerator::defaultGenerator().createRandom().toString(); }

NlchatClient::NlchatClient(ConnectionOptions options)
    : options_(std::move(options)), framer_(options_.maxLineBytes), buffer_(kReadChunkBytes)
{
    if (options_.uuid.empty())
        options_.uuid = randomUuid();
}

NlchatClient::~NlchatClient() { close(); }

void NlchatClient::connect(const std::string& host, std::uint16_t port, std::chrono::milliseconds timeout)
{
    if (used_)
        throw std::logic_error("NlchatClient::connect() called twice; use a new object");
    used_ = true;
    peer_ = host + ":" + std::to_string(port);
    if (options_.tls)
        socket_ = connectTls(host, port, *options_.tls, timeout);
    try {
        if (!options_.tls)
            socket_.connect(Poco::Net::SocketAddress(host, port), toTimespan(timeout));
        socket_.setNoDelay(true);
    } catch (const Poco::Exception& e) {
        socket_.close();
        throw ConnectionError("cannot connect to " + peer_ + ": " + e.displayText());
    }
    open_ = true;
}

void NlchatClient::send(const nlchat::Packet& packet)
{
    std::string line = nlchat::encode(packet);
    if (options_.encryption)
        line = protocol::serializeRawEnvelope(
            protocol::sealRawPacket(line, options_.encryption->serverKey, options_.uuid, protocol::kServerName));
    writeLine(std::move(line));
}

void NlchatClient::sendUnchecked(std::string_view line) { writeLine(std::string(line)); }

void NlchatClient::writeLine(std::string line)
{
    if (!open_)
        throw ConnectionError("not connected to " + (peer_.empty() ? std::string("a server") : peer_));
    line.push_back('\n');
    const char* data = line.data();
    std::size_t left = line.size();
    try {
        while (left > 0) {
            const int sent = socket_.sendBytes(data, static_cast<int>(left), kSendFlags);
            if (sent <= 0)
                fail("connection to " + peer_ + " closed while sending");
            data += sent;
            left -= static_cast<std::size_t>(sent);
        }
    } catch (const Poco::Exception& e) {
        fail("cannot send to " + peer_ + ": " + e.displayText());
    }
}

std::optional<nlchat::Packet> NlchatClient::receive(std::chrono::milliseconds timeout)
{
    if (!keptBack_.empty()) {
        nlchat::Packet packet = std::move(keptBack_.front());
        keptBack_.pop_front();
        return packet;
    }
    return receiveFromSocket(Clock::now() + timeout);
}

std::optional<nlchat::Packet> NlchatClient::receiveFromSocket(Clock::time_point deadline)
{
    const std::optional<std::string> line = lineFromSocket(deadline);
    if (!line)
        return std::nullopt;
    nlchat::Packet packet = decode(*line);
    if (options_.answerProbes && std::holds_alternative<nlchat::Probe>(packet))
        send(nlchat::ProbeAck{options_.uuid});
    return packet;
}

std::optional<std::string> NlchatClient::receiveLine(std::chrono::milliseconds timeout)
{
    return lineFromSocket(Clock::now() + timeout);
}

std::optional<std::string> NlchatClient::lineFromSocket(Clock::time_point deadline)
{
    for (;;) {
        std::optional<std::string> line;
        try {
            line = framer_.next();
        } catch (const ProtocolError& e) {
            // The stream can no longer be split into lines: nothing after this is trustworthy.
            close();
            throw ProtocolError(e.code(), std::string("bad line from the server: ") + e.what());
        }
        if (line) {
            if (line->empty())
                continue;
            return line;
        }
        if (!open_)
            throw ConnectionError("not connected to " + (peer_.empty() ? std::string("a server") : peer_));
        int received = 0;
        try {
            // TLS: a record already read may hold more than the last read took.
            const bool buffered = options_.tls && socket_.available() > 0;
            if (!buffered && !socket_.poll(toTimespan(deadline - Clock::now()), Poco::Net::Socket::SELECT_READ))
                return std::nullopt;
            received = socket_.receiveBytes(buffer_.data(), static_cast<int>(buffer_.size()));
        } catch (const Poco::Exception& e) {
            fail("connection to " + peer_ + " failed: " + e.displayText());
        }
        if (received <= 0)
            fail("connection closed by the server " + peer_);
        framer_.feed(buffer_.data(), static_cast<std::size_t>(received));
    }
}

nlchat::Packet NlchatClient::decode(const std::string& line) const
{
    try {
        if (!protocol::looksLikeRawEnvelope(line))
            return nlchat::decode(line);
        if (!options_.encryption)
            throw ProtocolError(code::kDecryptFailed, "an encrypted packet arrived but this client has no key");
        return nlchat::decode(protocol::openRawPacket(protocol::parseRawEnvelope(line),
                                                      options_.encryption->clientKey, protocol::kClientName));
    } catch (const ProtocolError& e) {
        throw ProtocolError(e.code(), std::string("bad line from the server: ") + e.what());
    }
}

nlchat::Login NlchatClient::login(const std::string& username, const std::string& password,
                                  std::chrono::milliseconds timeout)
{
    const Clock::time_point deadline = Clock::now() + timeout;
    send(nlchat::Key{options_.uuid,
                     options_.encryption ? options_.encryption->clientKey.publicKey().pem() : std::string()});
    send(nlchat::Login{username, password, nlchat::Login::kRequest, {}});
    for (;;) {
        std::optional<nlchat::Packet> packet = receiveFromSocket(deadline);
        if (!packet)
            throw ConnectionError("no answer to login from " + peer_ + " within " +
                                  std::to_string(timeout.count()) + " ms");
        if (const auto* answer = std::get_if<nlchat::Login>(&*packet); answer && answer->result >= 0)
            return *answer;
        if (const auto* error = std::get_if<nlchat::Error>(&*packet);
            error && (error->ref == nlchat::command::kLogin || error->ref == nlchat::command::kKey))
            throw ProtocolError(error->code, "the server refused " + error->ref + ": " + error->message);
        if (std::holds_alternative<nlchat::ServerOnline>(*packet) ||
            std::holds_alternative<nlchat::Status>(*packet))
            continue;
        // receive() returns these later, in order (it reads keptBack_ first).
        keptBack_.push_back(std::move(*packet));
    }
}

void NlchatClient::fail(const std::string& reason)
{
    close();
    throw ConnectionError(reason);
}

void NlchatClient::close() noexcept
{
    if (!open_)
        return;
    open_ = false;
    try {
        socket_.close();
    } catch (const Poco::Exception&) {
        // Closing a socket the peer already reset can fail; the descriptor is released anyway.
    }
}

} // namespace ringdesk::operator_client
