#pragma once
// ringdesk-admin's side of the admin API (docs/admin.md, "Admin API"): finds the server and the
// token through the shared configuration, sends JSON requests, and turns every failure into a
// clear message.

#include "admin/command_error.h"
#include "server/admin_contract/admin_endpoint_config.h"

#include <Poco/JSON/Object.h>

#include <string>

namespace ringdesk::admin {

/// Who runs the tool; sent with every request and recorded in the audit log.
struct AdminIdentity
{
    std::string admin;  // --as NAME, else the OS user
    std::string osUser; // the OS user running the tool
};

class AdminClient
{
public:
    /// `endpoint.host` 0.0.0.0 / :: (listen on all) is reached through the loopback address.
    AdminClient(admin_api::AdminEndpointConfig endpoint, AdminIdentity identity);

    /// GET `path`; the answer's JSON object.
    Poco::JSON::Object::Ptr get(const std::string& path);
    /// POST `body` to `path`; the answer's JSON object.
    Poco::JSON::Object::Ptr post(const std::string& path, const Poco::JSON::Object& body);

    /// "host:port" as used.
    std::string address() const;

    // Errors: ServerUnreachable when nothing answers at host:port (connection refused,
    // timeout) or the port is 0 (unknown); CommandFailed when the token file cannot be read, the server refuses the token
    // (401); ServerRefused when it answers an error (its code and message, e.g.
    // unknown_user, "no such user: bob").

private:
    Poco::JSON::Object::Ptr request(const std::string& method, const std::string& path,
                                    const Poco::JSON::Object* body);
    /// Throws ServerUnreachable unless something accepts a TCP connection at host:port.
    void probe() const;

    admin_api::AdminEndpointConfig endpoint_;
    AdminIdentity identity_;
};

} // namespace ringdesk::admin
