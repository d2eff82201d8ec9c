#include "admin/admin_client.h"

#include "server/admin_contract/admin_api_contract.h"
#include "server/admin_contract/admin_token.h"

#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/StreamSocket.h>
#include <Poco/StreamCopier.h>

#include <sstream>

namespace ringdesk::admin {
namespace {

// How long to wait for the server: connecting is quick on loopback; an answer may wait for
// the core to end sessions.
const Poco::Timespan kConnectTimeout(5, 0);
const Poco::Timespan kAnswerTimeout(30, 0);

} // namespace

AdminClient::AdminClient(admin_api::AdminEndpointConfig endpoint, AdminIdentity identity)
    : endpoint_(std::move(endpoint)), identity_(std::move(identity))
{
    if (endpoint_.host == "0.0.0.0" || endpoint_.host.empty())
        endpoint_.host = "127.0.0.1";
    else if (endpoint_.host == "::")
        endpoint_.host = "::1";
}

std::string AdminClient::address() const
{
    return Poco::Net::SocketAddress(endpoint_.host, static_cast<Poco::UInt16>(endpoint_.port)).toString();
}

Poco::JSON::Object::Ptr AdminClient::get(const std::string& path)
{
    return request(Poco::Net::HTTPRequest::HTTP_GET, path, nullptr);
}

Poco::JSON::Object::Ptr AdminClient::post(const std::string& path, const Poco::JSON::Object& body)
{
    return request(Poco::Net::HTTPRequest::HTTP_POST, path, &body);
}

void AdminClient::probe() const
{
    try {
        Poco::Net::StreamSocket socket;
        socket.connect(Poco::Net::SocketAddress(endpoint_.host, static_cast<Poco::UInt16>(endpoint_.port)),
                       kConnectTimeout);
    } catch (const Poco::Exception& e) {
        throw ServerUnreachable("the server's admin API at " + address() + " is not reachable (" +
                                e.displayText() + "); is ringdesk-server running with this configuration?");
    }
}

Poco::JSON::Object::Ptr AdminClient::request(const std::string& method, const std::string& path,
                                             const Poco::JSON::Object* body)
{
    if (endpoint_.port == 0)
        // The server writes its ready file once listening and removes it when it stops.
        throw ServerUnreachable(std::string(admin_api::config_key::kPort) +
                                " is 0 (any free port) and no ready file names the port: the server is not "
                                "running, or give the port with --admin-port");
    probe();
    std::string token;
    try {
        token = admin_api::readAdminToken(endpoint_.tokenFile);
    } catch (const std::runtime_error& e) {
        throw CommandFailed(e.what());
    }

    Poco::Net::HTTPRequest httpRequest(method, path, Poco::Net::HTTPMessage::HTTP_1_1);
    httpRequest.set("Authorization", "Bearer " + token);
    httpRequest.set(admin_api::header::kAdmin, identity_.admin);
    httpRequest.set(admin_api::header::kOsUser, identity_.osUser);
    std::string payload;
    if (body != nullptr) {
        std::ostringstream text;
        body->stringify(text);
        payload = text.str();
        httpRequest.setContentType("application/json");
        httpRequest.setContentLength(static_cast<std::streamsize>(payload.size()));
    }

    Poco::Net::HTTPResponse response;
    std::string answer;
    try {
        Poco::Net::HTTPClientSession session(endpoint_.host, static_cast<Poco::UInt16>(endpoint_.port));
        session.setTimeout(kConnectTimeout, kAnswerTimeout, kAnswerTimeout);
        session.sendRequest(httpRequest) << payload;
        std::istream& in = session.receiveResponse(response);
        Poco::StreamCopier::copyToString(in, answer);
    } catch (const Poco::Net::ConnectionRefusedException& e) {
        throw ServerUnreachable("the server's admin API at " + address() + " is not reachable (" +
                                e.displayText() + "); is ringdesk-server running with this configuration?");
    } catch (const Poco::Exception& e) {
        throw CommandFailed("the admin API at " + address() + " did not answer: " + e.displayText());
    }

    Poco::JSON::Object::Ptr object;
    try {
        Poco::Dynamic::Var parsed = Poco::JSON::Parser().parse(answer);
        if (parsed.type() == typeid(Poco::JSON::Object::Ptr))
            object = parsed.extract<Poco::JSON::Object::Ptr>();
    } catch (const Poco::Exception&) {
        // answered below: not the admin API's JSON
    }
    if (response.getStatus() == Poco::Net::HTTPResponse::HTTP_UNAUTHORIZED)
        throw CommandFailed("the server at " + address() + " refused the admin token from " +
                            endpoint_.tokenFile + " (wrong token: is this the server's data folder or configuration?)");
    if (!object)
        throw CommandFailed("the answer from " + address() + " is not the admin API's JSON (HTTP " +
                            std::to_string(static_cast<int>(response.getStatus())) + ")");
    if (response.getStatus() != Poco::Net::HTTPResponse::HTTP_OK)
        throw ServerRefused(object->optValue<std::string>("error", admin_api::error::kInternal),
                            object->optValue<std::string>("message", "the server answered HTTP " +
                                                                         std::to_string(static_cast<int>(response.getStatus()))));
    return object;
}

} // namespace ringdesk::admin
