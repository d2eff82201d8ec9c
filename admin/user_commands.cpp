#include "admin/user_commands.h"

#include "admin/table_printer.h"
#include "server/store/password_hash.h"
#include "server/store/user_repository.h"

#include <Poco/DateTimeFormat.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/Timestamp.h>

#include <iostream>

namespace ringdesk::admin {
namespace {

std::string readPassword(const CommandOptions& options)
{
    if (options.passwordGiven)
        return options.password;
    std::string password;
    std::getline(std::cin, password);
    return password;
}

std::string formatTime(std::int64_t ms)
{
    return Poco::DateTimeFormatter::format(Poco::Timestamp(ms * 1000), Poco::DateTimeFormat::ISO8601_FORMAT);
}

} // namespace

int runUserCommand(Poco::Data::Session& session, const std::vector<std::string>& words,
                   const CommandOptions& options, int defaultKdfIterations, std::ostream& out,
                   std::ostream& err)
{
    store::UserRepository users(session);
    const std::string verb = words.empty() ? std::string() : words[0];
    const int iterations = options.kdfIterations > 0 ? options.kdfIterations : defaultKdfIterations;

    if (verb == "list" && words.size() == 1) {
        std::vector<Row> rows;
        for (const store::UserRow& user : users.list())
            rows.push_back({user.username, user.displayName, user.role, formatTime(user.createdAt)});
        printTable(out, {"username", "display_name", "role", "created"}, rows, options.json);
        return kExitOk;
    }
    if (verb == "add" && words.size() == 2) {
        const std::string password = readPassword(options);
        if (password.empty()) {
            err << "a password is required (--password=P or on standard input)\n";
            return kExitUsage;
        }
        try {
            users.add(words[1], options.displayName, options.role,
                      store::hashPasswordMd5(store::md5Hex(password), iterations));
        } catch (const std::invalid_argument& e) {
            err << e.what() << "\n";
            return kExitFailure;
        }
        out << "added " << options.role << " " << words[1] << "\n";
        return kExitOk;
    }
    if (verb == "passwd" && words.size() == 2) {
        const std::string password = readPassword(options);
        if (password.empty()) {
            err << "a password is required (--password=P or on standard input)\n";
            return kExitUsage;
        }
        if (!users.setPasswordHash(words[1], store::hashPasswordMd5(store::md5Hex(password), iterations))) {
            err << "no such user: " << words[1] << "\n";
            return kExitFailure;
        }
        out << "password changed for " << words[1] << "\n";
        return kExitOk;
    }
    err << "usage: ringdesk-admin user add NAME [--password=P] [--display-name=D] [--role=operator|admin]\n"
           "       ringdesk-admin user list [--json]\n"
           "       ringdesk-admin user passwd NAME [--password=P]\n";
    return kExitUsage;
}

} // namespace ringdesk::admin
