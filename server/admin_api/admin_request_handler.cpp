#include "server/admin_api/admin_request_handler.h"

#include "server/admin_api/live_views.h"
#include "server/admin_contract/admin_api_contract.h"
#include "server/admin_contract/admin_token.h"

#include <Poco/JSON/JSONException.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Logger.h>
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/URI.h>

#include <istream>
#include <sstream>

namespace ringdesk::admin_api {
namespace {

using Poco::JSON::Object;
using Poco::Net::HTTPResponse;
using Poco::Net::HTTPServerRequest;
using Poco::Net::HTTPServerResponse;

void sendJson(HTTPServerResponse& response, HTTPResponse::HTTPStatus status, const Object& body)
{
    std::ostringstream text;
    body.stringify(text);
    const std::string payload = text.str() + "\n";
    response.setStatusAndReason(status);
    response.setContentType("application/json");
    response.set("Cache-Control", "no-store");
    response.setContentLength(static_cast<std::streamsize>(payload.size()));
    response.send() << payload;
}

Object errorBody(const char* code, const std::string& message)
{
    Object body(Poco::JSON_PRESERVE_KEY_ORDER);
    body.set("error", std::string(code));
    body.set("message", message);
    return body;
}

/// The request body as a JSON object; AdminApiError 400 / 413 when it is not one.
Object::Ptr readBody(HTTPServerRequest& request)
{
    if (request.getContentLength() > static_cast<std::streamsize>(kMaxBodyBytes))
        throw AdminApiError(HTTPResponse::HTTP_REQUESTENTITYTOOLARGE, error::kTooLarge,
                            "the body is over " + std::to_string(kMaxBodyBytes) + " bytes");
    std::string body;
    char buffer[4096];
    std::istream& in = request.stream();
    while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
        body.append(buffer, static_cast<std::size_t>(in.gcount()));
        if (body.size() > kMaxBodyBytes)
            throw AdminApiError(HTTPResponse::HTTP_REQUESTENTITYTOOLARGE, error::kTooLarge,
                                "the body is over " + std::to_string(kMaxBodyBytes) + " bytes");
    }
    try {
        Poco::Dynamic::Var parsed = Poco::JSON::Parser().parse(body);
        if (parsed.type() == typeid(Object::Ptr))
            return parsed.extract<Object::Ptr>();
    } catch (const Poco::Exception&) {
        // answered below: the body is not a JSON object
    }
    throw AdminApiError(HTTPResponse::HTTP_BAD_REQUEST, error::kBadRequest, "the body must be a JSON object");
}

std::string stringField(const Object& body, const std::string& name, bool required)
{
    if (!body.has(name)) {
        if (required)
            throw AdminApiError(HTTPResponse::HTTP_BAD_REQUEST, error::kBadRequest, "missing field '" + name + "'");
        return {};
    }
    const Poco::Dynamic::Var value = body.get(name);
    if (!value.isString())
        throw AdminApiError(HTTPResponse::HTTP_BAD_REQUEST, error::kBadRequest, "field '" + name + "' must be a string");
    std::string text = value.extract<std::string>();
    if (text.size() > 1000 || (required && text.empty()))
        throw AdminApiError(HTTPResponse::HTTP_BAD_REQUEST, error::kBadRequest,
                            "field '" + name + "' must be 1 … 1000 bytes");
    return text;
}

class AdminRequestHandler final : public Poco::Net::HTTPRequestHandler
{
public:
    explicit AdminRequestHandler(AdminApiContext& context)
        : context_(context), logger_(Poco::Logger::get("ringdesk.admin"))
    {
    }

    void handleRequest(HTTPServerRequest& request, HTTPServerResponse& response) override
    {
        try {
            if (!authorized(request)) {
                logger_.warning("admin API request %s %s from %s refused: missing or wrong token",
                                request.getMethod(), request.getURI(), request.clientAddress().toString());
                response.set("WWW-Authenticate", "Bearer realm=\"ringdesk-admin\"");
                return sendJson(response, HTTPResponse::HTTP_UNAUTHORIZED,
                                errorBody(error::kUnauthorized, "missing or wrong admin token"));
            }
            sendJson(response, HTTPResponse::HTTP_OK, *route(request));
        } catch (const AdminApiError& e) {
            sendJson(response, static_cast<HTTPResponse::HTTPStatus>(e.status()), errorBody(e.code(), e.what()));
        } catch (const Poco::Exception& e) {
            logger_.error("admin API request %s failed: %s", request.getURI(), e.displayText());
            sendJson(response, HTTPResponse::HTTP_INTERNAL_SERVER_ERROR, errorBody(error::kInternal, e.displayText()));
        } catch (const std::exception& e) {
            logger_.error("admin API request %s failed: %s", request.getURI(), std::string(e.what()));
            sendJson(response, HTTPResponse::HTTP_INTERNAL_SERVER_ERROR, errorBody(error::kInternal, e.what()));
        }
    }

private:
    bool authorized(const HTTPServerRequest& request) const
    {
        static const std::string kScheme = "Bearer ";
        const std::string value = request.get("Authorization", "");
        if (value.compare(0, kScheme.size(), kScheme) != 0)
            return false;
        return tokenMatches(context_.token, value.substr(kScheme.size()));
    }

    Object::Ptr route(HTTPServerRequest& request)
    {
        const Poco::URI uri(request.getURI());
        const std::string path = uri.getPath();
        const std::string& method = request.getMethod();
        const bool get = method == Poco::Net::HTTPRequest::HTTP_GET;
        const bool post = method == Poco::Net::HTTPRequest::HTTP_POST;
        auto expect = [&](bool allowed) {
            if (!allowed)
                throw AdminApiError(HTTPResponse::HTTP_METHOD_NOT_ALLOWED, error::kMethod,
                                    method + " is not allowed on " + path);
        };
        if (path == path::kHealth) {
            expect(get);
            Object::Ptr answer = new Object;
            answer->set("status", "ok");
            return answer;
        }
        if (path == path::kSessions) {
            expect(get);
            bool withVisitors = false;
            for (const auto& [name, value] : uri.getQueryParameters())
                withVisitors = withVisitors || (name == "visitors" && (value == "1" || value == "true"));
            return sessionsView(context_.dispatcher, withVisitors);
        }
        if (path == path::kRings) {
            expect(get);
            return ringsView(context_.dispatcher);
        }
        if (path == path::kVisitor) {
            expect(get);
            std::string visitorId;
            for (const auto& [name, value] : uri.getQueryParameters())
                if (name == "id")
                    visitorId = value;
            if (visitorId.empty() || visitorId.size() > 100)
                throw AdminApiError(HTTPResponse::HTTP_BAD_REQUEST, error::kBadRequest,
                                    "name the visitor: ?id=VISITOR-ID");
            return visitorView(context_.dispatcher, visitorId);
        }
        if (path == path::kLogout) {
            expect(post);
            const Object::Ptr body = readBody(request);
            const Actor actor{request.get(header::kAdmin, "api"), request.get(header::kOsUser, "")};
            return context_.actions.logout(stringField(*body, "username", true),
                                           stringField(*body, "reason", false), actor);
        }
        if (path == path::kApply) {
            expect(post);
            const Object::Ptr body = readBody(request);
            if (body->has("username"))
                return context_.actions.applyUser(stringField(*body, "username", true));
            if (body->has("visitors"))
                return context_.actions.applyVisitorBans();
            throw AdminApiError(HTTPResponse::HTTP_BAD_REQUEST, error::kBadRequest,
                                "name a 'username' or set 'visitors'");
        }
        throw AdminApiError(HTTPResponse::HTTP_NOT_FOUND, error::kNotFound, "no such path: " + path);
    }

    AdminApiContext& context_;
    Poco::Logger& logger_;
};

} // namespace

Poco::Net::HTTPRequestHandler* AdminRouter::createRequestHandler(const HTTPServerRequest&)
{
    return new AdminRequestHandler(context_);
}

} // namespace ringdesk::admin_api
