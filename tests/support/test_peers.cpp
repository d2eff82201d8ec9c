#include "support/test_peers.h"

#include "support/waits.h"

#include <cppunit/extensions/HelperMacros.h>

namespace ringdesk::integration {

std::unique_ptr<operator_client::NlchatClient>
connectOperator(const ServerProcess& server, const std::string& username, const std::string& password,
                const std::string& displayName, std::optional<operator_client::Encryption> encryption)
{
    auto connection = std::make_unique<operator_client::NlchatClient>(operator_client::ConnectionOptions{
        {}, std::move(encryption), true, protocol::limits::kMaxOperatorLineBytes});
    connection->connect(kHost, server.operatorPort(), kDeadline);
    const nlchat::Login answer = connection->login(username, password, kDeadline);
    CPPUNIT_ASSERT_EQUAL_MESSAGE("login of " + username, static_cast<int>(nlchat::LoginResult::kOk),
                                 answer.result);
    CPPUNIT_ASSERT_EQUAL(username, answer.username);
    CPPUNIT_ASSERT_EQUAL(displayName, answer.displayName);
    return connection;
}

operator_client::SessionSettings sessionSettings(std::uint16_t port, const std::string& username,
                                                 const std::string& password)
{
    operator_client::SessionSettings settings;
    settings.host = kHost;
    settings.port = port;
    settings.username = username;
    settings.password = password;
    settings.connectTimeout = kDeadline;
    settings.loginTimeout = kDeadline;
    settings.reconnectInitial = std::chrono::milliseconds(100);
    settings.reconnectMax = std::chrono::milliseconds(1000);
    return settings;
}

operator_client::LoggedIn awaitSessionLogin(operator_client::OperatorEngine& session)
{
    awaitEvent<operator_client::Connecting>(session);
    awaitEvent<operator_client::Connected>(session);
    return awaitEvent<operator_client::LoggedIn>(session);
}

std::unique_ptr<VisitorClient> connectVisitor(const ServerProcess& server, const std::string& name,
                                              visitor::Welcome& welcome, const std::string& token,
                                              std::int64_t since)
{
    auto client = std::make_unique<VisitorClient>(kHost, server.httpPort(), kDeadline);
    client->send(visitor::Hello{token, since, name, "https://shop.example/cart"});
    welcome = awaitMessage<visitor::Welcome>(*client);
    CPPUNIT_ASSERT(!welcome.token.empty());
    CPPUNIT_ASSERT(!welcome.visitor.empty());
    return client;
}

std::string longNonAsciiText(std::size_t minBytes)
{
    const std::string piece = "Grüße aus Köln – 日本語のテキスト – ¿Qué tal? 🎉🚀 ";
    std::string text;
    while (text.size() < minBytes)
        text += piece;
    text.pop_back(); // the trailing space: a peer may trim it
    return text;
}

} // namespace ringdesk::integration
