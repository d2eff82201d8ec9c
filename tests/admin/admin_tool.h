#pragma once
// Runs the real ringdesk-admin binary against a test server's data folder and admin port,
// with its standard output and error apart (scripts read --json output from standard output).

#include "support/server_process.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <string>
#include <vector>

namespace ringdesk::admin_tests {

struct ToolResult
{
    int code = -1;
    std::string out;
    std::string err;

    /// Exit code and both streams, for assertion messages.
    std::string describe() const;
    /// Standard output parsed as a JSON object / array; throws std::runtime_error otherwise.
    Poco::JSON::Object::Ptr json() const;
    Poco::JSON::Array::Ptr jsonArray() const;
};

/// Runs ringdesk-admin with --data-dir=<server's folder>, --admin-port=<server's port> (when it
/// has one) and `args`; `input` is written to its standard input.
ToolResult runAdmin(const integration::ServerProcess& server, const std::vector<std::string>& args,
                    const std::string& input = {});

/// Runs ringdesk-admin with exactly `args`.
ToolResult runAdminRaw(const std::vector<std::string>& args, const std::string& input = {});

} // namespace ringdesk::admin_tests
