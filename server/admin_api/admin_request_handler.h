#pragma once
// The admin API's HTTP side (docs/admin.md, "Admin API"): checks the bearer token in constant
// time, routes by method and path, and answers JSON.

#include "server/admin_api/admin_actions.h"

#include <Poco/Net/HTTPRequestHandlerFactory.h>

#include <string>

namespace ringdesk::admin_api {

struct AdminApiContext
{
    dispatch::Dispatcher& dispatcher;
    AdminActions& actions;
    std::string token; // 64 hex digits (admin_token.h)
};

class AdminRouter final : public Poco::Net::HTTPRequestHandlerFactory
{
public:
    explicit AdminRouter(AdminApiContext& context) : context_(context) {}
    Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest& request) override;

private:
    AdminApiContext& context_;
};

} // namespace ringdesk::admin_api
