#pragma once
// Shortcuts the tests share: an operator connected and logged in, a visitor that said hello,
// and long non-ASCII text.

#include "operator-client/session/nlchat_client.h"
#include "operator-client/session/operator_engine.h"
#include "support/server_process.h"
#include "support/visitor_client.h"

#include <cstddef>
#include <memory>
#include <optional>
#include <string>

namespace ringdesk::integration {

inline constexpr const char* kHost = "127.0.0.1";

/// Connects to `server`'s operator port and logs in as `username`; plain mode without
/// `encryption`. Fails the test (CppUnit assertion) unless the login answer is result 1 with
/// `displayName`.
std::unique_ptr<operator_client::NlchatClient>
connectOperator(const ServerProcess& server, const std::string& username, const std::string& password,
                const std::string& displayName,
                std::optional<operator_client::Encryption> encryption = std::nullopt);

/// Settings of an OperatorEngine for `username` on 127.0.0.1:`port`: connect and login
/// timeouts of kDeadline, reconnect delays from 100 ms up to 1 s; plain mode.
operator_client::SessionSettings sessionSettings(std::uint16_t port, const std::string& username,
                                                 const std::string& password);

/// Waits for a started session's Connecting, Connected and LoggedIn events and returns the
/// last; throws std::runtime_error (waits.h) when the login fails or times out.
operator_client::LoggedIn awaitSessionLogin(operator_client::OperatorEngine& session);

/// Opens a visitor WebSocket to `server`, sends hello (with `token` to resume) and returns
/// the client; `welcome` receives the server's answer.
std::unique_ptr<VisitorClient> connectVisitor(const ServerProcess& server, const std::string& name,
                                              visitor::Welcome& welcome, const std::string& token = {},
                                              std::int64_t since = 0);

/// UTF-8 text of at least `minBytes` bytes mixing Latin accents, CJK and emoji (2-, 3- and
/// 4-byte sequences), whole characters only: longer than one RSA block of any key size.
std::string longNonAsciiText(std::size_t minBytes);

} // namespace ringdesk::integration
