#pragma once
// How a ringdesk-admin command fails: the application turns these into exit codes
// (docs/admin.md, "Exit codes").

#include <stdexcept>
#include <string>

namespace ringdesk::admin {

/// Wrong command line: exit code 2.
class UsageError : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

/// The command could not do its job (unknown user, server unreachable, wrong token): exit 1.
class CommandFailed : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

/// The admin API could not be reached at all (nothing listens, timeout): the server is taken to
/// be down. Actions that need only the database still succeed.
class ServerUnreachable : public CommandFailed
{
public:
    using CommandFailed::CommandFailed;
};

/// The admin API answered with an error (admin_api_contract.h, namespace error): `code` is its
/// error code, what() its message.
class ServerRefused : public CommandFailed
{
public:
    ServerRefused(std::string code, const std::string& message) : CommandFailed(message), code_(std::move(code)) {}
    const std::string& code() const { return code_; }

private:
    std::string code_;
};

} // namespace ringdesk::admin
