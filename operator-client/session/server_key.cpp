#include "operator-client/session/server_key.h"

#include "operator-client/session/nlchat_client.h"
#include "operator-client/session/timespan.h"
#include "protocol/limits.h"

#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>

#include <istream>

namespace ringdesk::operator_client {

protocol::RsaPublicKey fetchServerKey(const std::string& host, std::uint16_t httpPort,
                                      std::chrono::milliseconds timeout)
{
    const std::string url = "http://" + host + ":" + std::to_string(httpPort) + "/keys/server.pem";
    std::string body;
    try {
        Poco::Net::HTTPClientSession session(host, httpPort);
        session.setTimeout(toTimespan(timeout));
        Poco::Net::HTTPRequest request(Poco::Net::HTTPRequest::HTTP_GET, "/keys/server.pem",
                                       Poco::Net::HTTPMessage::HTTP_1_1);
        session.sendRequest(request);
        Poco::Net::HTTPResponse response;
        std::istream& in = session.receiveResponse(response);
        if (response.getStatus() != Poco::Net::HTTPResponse::HTTP_OK)
            throw ConnectionError("GET " + url + " answered " + std::to_string(response.getStatus()) +
                                  " " + response.getReason());
        // Read one byte past the limit to tell "at the limit" from "over it".
        body.resize(protocol::limits::kMaxPublicKeyPemBytes + 1);
        in.read(body.data(), static_cast<std::streamsize>(body.size()));
        body.resize(static_cast<std::size_t>(in.gcount()));
    } catch (const Poco::Exception& e) {
        throw ConnectionError("GET " + url + " failed: " + e.displayText());
    }
    if (body.size() > protocol::limits::kMaxPublicKeyPemBytes)
        throw ConnectionError("GET " + url + " returned more than " +
                              std::to_string(protocol::limits::kMaxPublicKeyPemBytes) + " bytes");
    return protocol::RsaPublicKey::fromPem(body);
}

} // namespace ringdesk::operator_client
