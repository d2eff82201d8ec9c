#pragma once
// A blocking, single-threaded NL chat operator connection (specs/nlchat-protocol.txt; the wire
// contract in PRODUCT.md): TCP, one JSON object per '\n'-terminated line, plain packets or RSA
// raw envelopes (spec 1.2). Used directly by the integration tests and the load benchmark, and
// by OperatorEngine on its own thread.
//
// Not thread-safe: one thread owns a connection (the integration tests run one per thread).

#include "operator-client/session/connection_error.h"
#include "operator-client/session/tls_client.h"
#include "protocol/limits.h"
#include "protocol/line_framer.h"
#include "protocol/nlchat_packet.h"
#include "protocol/rsa_key.h"

#include <Poco/Net/StreamSocket.h>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ringdesk::operator_client {

/// The keys of raw mode (spec 1.2.1). With them, every packet this client sends is a raw
/// envelope sealed for `serverKey` and addressed "alice"; the server then answers in raw
/// envelopes sealed for `clientKey` and addressed "bob".
struct Encryption
{
    /// This client's key pair (2048, 3072 or 4096 bits); its public half goes in `key` (1.1.6).
    protocol::RsaPrivateKey clientKey;
    /// The server's public key, known in advance (GET /keys/server.pem, see server_key.h, or
    /// the server's data folder, server_key.pub.pem).
    protocol::RsaPublicKey serverKey;
};

struct ConnectionOptions
{
    /// The client's UUID (spec 1.1.6); empty: a random one is generated.
    std::string uuid;
    /// Raw mode when set, plain packets otherwise (the `key` packet then carries an empty key).
    std::optional<Encryption> encryption;
    /// Answer every `probe` (1.1.8) with a `probeACK` (1.1.9) inside receive() (spec 2.4).
    bool answerProbes = true;
    /// Longest accepted line from the server, bytes (without '\n').
    std::size_t maxLineBytes = protocol::limits::kMaxOperatorLineBytes;
    /// TLS (the server's ringdesk.operator.tlsPort) when set; plain TCP otherwise.
    std::optional<TlsOptions> tls = std::nullopt;
};

class NlchatClient
{
public:
    /// Takes the options; opens nothing yet.
    explicit NlchatClient(ConnectionOptions options = {});
    ~NlchatClient();

    NlchatClient(const NlchatClient&) = delete;
    NlchatClient& operator=(const NlchatClient&) = delete;

    /// Opens the TCP connection to `host`:`port` within `timeout` (DNS resolution included
    /// but not bounded by it); with options.tls also completes the TLS handshake and verifies
    /// the server's certificate within it (see connectTls()). Sets TCP_NODELAY: packets are
    /// small and interactive. The server greets with `server_online` (1.1.12), which
    /// receive() returns like any packet. One connection per object: a reconnect uses a new
    /// object. Throws ConnectionError naming host and port when the connection cannot be
    /// made, TlsVerificationError when the server's certificate is refused, and
    /// std::logic_error when connect() was called before on this object.
    void connect(const std::string& host, std::uint16_t port, std::chrono::milliseconds timeout);

    /// True between a successful connect() and close() or a connection failure.
    bool isOpen() const noexcept { return open_; }
    /// True in raw mode (options.encryption was given).
    bool encrypted() const noexcept { return options_.encryption.has_value(); }
    /// This client's UUID (generated at construction when the options had none).
    const std::string& uuid() const noexcept { return options_.uuid; }

    /// Sends one packet as one line: plain JSON, or in raw mode a raw envelope sealed for the
    /// server's key with "UUID" = uuid() and "to" = "alice" (spec 1.2). Blocks until the line
    /// is handed to the kernel. Throws ConnectionError when not open or the write fails (the
    /// connection is then closed), protocol::ProtocolError(kTooLarge) when the sealed packet
    /// would need more RSA blocks than the server accepts (limits::kMaxRawBlocks).
    void send(const nlchat::Packet& packet);

    /// Writes `line` and a '\n' exactly as given: no encoding, no encryption. For tests that
    /// feed the server malformed input. Throws ConnectionError like send().
    void sendUnchecked(std::string_view line);

    /// The next packet from the server, waiting at most `timeout` (0: only what has already
    /// arrived; never blocks then). Packets kept back by login() come first. Raw envelopes are
    /// opened with the client key and must be addressed "bob" (spec 1.2 bounce protection);
    /// plain packets are accepted in both modes (the server answers each packet in the form it
    /// came in, and `server_online` precedes any key). With options.answerProbes a `probe` is
    /// answered before it is returned. Returns std::nullopt when the timeout passed first.
    /// Throws:
    ///  - ConnectionError when the connection is not open, or the server closed or reset it
    ///    (it is then closed);
    ///  - protocol::ProtocolError for a line that does not decode (what() starts with
    ///    "bad line from the server"; codes as nlchat::decode(), protocol::parseRawEnvelope()
    ///    and protocol::openRawPacket() document, kDecryptFailed also for a raw envelope in
    ///    plain mode). The line is skipped and the connection stays usable, except for
    ///    kTooLarge (a line longer than options.maxLineBytes), after which it is closed.
    std::optional<nlchat::Packet> receive(std::chrono::milliseconds timeout);

    /// The next non-empty line from the server exactly as it arrived (a raw envelope still
    /// sealed), waiting at most `timeout` like receive(); decode() turns it into the packet
    /// receive() would have returned. Nothing is answered here, not even a `probe`: the caller
    /// does that after decoding. For clients that note when lines arrive and decode later (the
    /// benchmark's fan-out). Packets kept back by login() are not returned (receive() returns
    /// them). Throws ConnectionError as receive() does, and protocol::ProtocolError(kTooLarge)
    /// for an over-long line (the connection is then closed).
    std::optional<std::string> receiveLine(std::chrono::milliseconds timeout);
    /// Decodes a line from receiveLine() as receive() does (opening a raw envelope with the
    /// client key). Throws protocol::ProtocolError like receive() for a line that does not decode.
    nlchat::Packet decode(const std::string& line) const;

    /// Logs in (docs/protocol.md, extension of spec 2.1): sends `key` (uuid(), this client's
    /// public key PEM in raw mode, "" in plain mode) and `login`, then waits at most `timeout`
    /// for the `login` answer and returns it: result 1 (nlchat::LoginResult::kOk) with
    /// `username` and `displayName`, 0 for wrong credentials, 2 for a banned account.
    /// `server_online` and `status` packets received meanwhile are consumed; any other packet
    /// is kept and returned by later receive() calls, in order.
    /// Throws ConnectionError as receive() does, and also when no answer came in time (the
    /// connection stays open then); protocol::ProtocolError with the server's code when the
    /// server answers `key` or `login` with an `error` packet.
    nlchat::Login login(const std::string& username, const std::string& password,
                        std::chrono::milliseconds timeout);

    /// The socket, for waiting on it together with other sockets (Poco::Net::Socket::select).
    /// Read through receive() only, and call receive(0) until it returns std::nullopt
    /// before waiting: with TLS, decrypted bytes can be waiting that select() does not see.
    const Poco::Net::StreamSocket& socket() const noexcept { return socket_; }

    /// Closes the connection (no `disconnect` packet is sent; send one first for a deliberate
    /// exit, spec 2.7). Idempotent; never throws.
    void close() noexcept;

private:
    using Clock = std::chrono::steady_clock;

    std::optional<nlchat::Packet> receiveFromSocket(Clock::time_point deadline);
    std::optional<std::string> lineFromSocket(Clock::time_point deadline);
    void writeLine(std::string line);
    [[noreturn]] void fail(const std::string& reason);

    ConnectionOptions options_;
    Poco::Net::StreamSocket socket_;
    bool open_ = false;
    bool used_ = false;
    std::string peer_;
    protocol::LineFramer framer_;
    std::vector<char> buffer_;
    std::deque<nlchat::Packet> keptBack_;
};

/// A new random UUID in the canonical 36-character form, for ConnectionOptions::uuid.
std::string randomUuid();

} // namespace ringdesk::operator_client
