#include "admin/user_commands.h"

#include "admin/table_printer.h"
#include "admin/user_import.h"
#include "server/store/ban_repository.h"
#include "server/store/friend_repository.h"
#include "server/store/offline_message_repository.h"
#include "server/store/password_hash.h"
#include "server/store/user_repository.h"

#include <Poco/FileStream.h>

#include <algorithm>
#include <atomic>
#include <iostream>
#include <thread>

namespace ringdesk::admin {
namespace {

using Poco::JSON::Object;

constexpr const char* kUsage =
    "usage: ringdesk-admin user add NAME [--password=P] [--display-name=D] [--role=operator|admin]\n"
    "       ringdesk-admin user list\n"
    "       ringdesk-admin user show NAME\n"
    "       ringdesk-admin user passwd NAME [--password=P]\n"
    "       ringdesk-admin user set-role NAME operator|admin\n"
    "       ringdesk-admin user delete NAME\n"
    "       ringdesk-admin user import FILE   (lines: username,password[,display name[,role]])";

std::string readPassword(const CommandOptions& options)
{
    std::string password = options.password;
    if (!options.passwordGiven)
        std::getline(std::cin, password);
    if (password.empty())
        throw UsageError("a password is required (--password=P or a line on standard input)");
    return password;
}

Object named(const std::string& username)
{
    Object arguments(Poco::JSON_PRESERVE_KEY_ORDER);
    arguments.set("username", username);
    return arguments;
}

store::UserRow requireUser(store::UserRepository& users, const std::string& username)
{
    std::optional<store::UserRow> user = users.find(username);
    if (!user)
        throw CommandFailed("no such user: " + username);
    return *user;
}

void report(AdminContext& context, const std::string& text, const Object& json)
{
    if (context.options().json)
        printJson(context.out(), json);
    else
        context.out() << text << "\n";
}

void addUser(AdminContext& context, const std::string& username)
{
    const CommandOptions& options = context.options();
    const std::string password = readPassword(options);
    Object arguments = named(username);
    arguments.set("role", options.role);
    if (!options.displayName.empty())
        arguments.set("display_name", options.displayName);
    store::UserRow row;
    context.audited("user add", arguments, [&] {
        store::UserRepository users(context.database());
        try {
            row = users.add(username, options.displayName, options.role,
                            store::hashPasswordMd5(store::md5Hex(password), context.kdfIterations()));
        } catch (const std::invalid_argument& e) {
            throw CommandFailed(e.what());
        }
    });
    Object json(Poco::JSON_PRESERVE_KEY_ORDER);
    json.set("username", row.username);
    json.set("display_name", row.displayName);
    json.set("role", row.role);
    report(context, "added " + row.role + " " + row.username, json);
}

void listUsers(AdminContext& context)
{
    store::UserRepository users(context.database());
    std::vector<Row> rows;
    for (const store::UserRow& user : users.list())
        rows.push_back({user.username, user.displayName, user.role, formatTime(user.createdAt)});
    printTable(context.out(), {"username", "display_name", "role", "created"}, rows, context.options().json);
}

void showUser(AdminContext& context, const std::string& username)
{
    Poco::Data::Session& db = context.database();
    store::UserRepository users(db);
    const store::UserRow user = requireUser(users, username);
    store::FriendRepository friends(db);
    store::OfflineMessageRepository messages(db);
    const auto ban = store::BanRepository(db).active(store::ban_kind::kUser, username, context.nowMs());

    Object json(Poco::JSON_PRESERVE_KEY_ORDER);
    json.set("username", user.username);
    json.set("display_name", user.displayName);
    json.set("role", user.role);
    json.set("created", formatTime(user.createdAt));
    json.set("friends", static_cast<Poco::UInt64>(friends.friendsOf(username).size()));
    json.set("pending_invitations", static_cast<Poco::UInt64>(friends.pendingInvitersOf(username).size()));
    json.set("offline_messages", static_cast<Poco::UInt64>(messages.undelivered(username).size()));
    json.set("banned", ban ? std::string(ban->until ? "until " + formatTime(*ban->until) : "until lifted")
                           : std::string("no"));
    if (ban)
        json.set("ban_reason", ban->reason);
    if (context.options().json) {
        printJson(context.out(), json);
        return;
    }
    std::vector<Row> rows;
    for (const std::string& key : json.getNames())
        rows.push_back({key, json.get(key).toString()});
    printTable(context.out(), {"field", "value"}, rows, false);
}

void changePassword(AdminContext& context, const std::string& username)
{
    const std::string password = readPassword(context.options());
    context.audited("user passwd", named(username), [&] {
        store::UserRepository users(context.database());
        if (!users.setPasswordHash(username,
                                   store::hashPasswordMd5(store::md5Hex(password), context.kdfIterations())))
            throw CommandFailed("no such user: " + username);
    });
    report(context, "password changed for " + username, named(username));
}

void setRole(AdminContext& context, const std::string& username, const std::string& role)
{
    if (!store::UserRepository::validRole(role))
        throw UsageError("role must be operator or admin");
    Object arguments = named(username);
    arguments.set("role", role);
    context.audited("user set-role", arguments, [&] {
        store::UserRepository users(context.database());
        if (!users.setRole(username, role))
            throw CommandFailed("no such user: " + username);
    });
    report(context, username + " is now " + role, arguments);
}

void deleteUser(AdminContext& context, const std::string& username)
{
    std::size_t friendCount = 0;
    std::size_t waiting = 0;
    context.audited("user delete", named(username), [&] {
        Poco::Data::Session& db = context.database();
        store::UserRepository users(db);
        requireUser(users, username);
        friendCount = store::FriendRepository(db).friendsOf(username).size();
        waiting = store::OfflineMessageRepository(db).undelivered(username).size();
        users.remove(username); // friendships and waiting messages go with it (ON DELETE CASCADE)
    });
    Object body;
    body.set("username", username);
    const auto applied = context.applyOnServer(body);
    Object json = named(username);
    json.set("friendships_removed", static_cast<Poco::UInt64>(friendCount));
    json.set("offline_messages_removed", static_cast<Poco::UInt64>(waiting));
    std::string text = "deleted " + username + " (" + std::to_string(friendCount) + " friendships and " +
                       std::to_string(waiting) + " undelivered offline messages removed";
    if (applied) {
        const auto ended = (*applied)->getValue<Poco::UInt64>("sessions_ended");
        json.set("sessions_ended", ended);
        text += ", " + std::to_string(ended) + " sessions ended";
    }
    report(context, text + ")", json);
}

void importUsers(AdminContext& context, const std::string& file)
{
    Object arguments(Poco::JSON_PRESERVE_KEY_ORDER);
    arguments.set("file", file);
    std::vector<ImportEntry> entries;
    std::string problem;
    try {
        Poco::FileInputStream in(file);
        entries = parseImport(in);
    } catch (const Poco::Exception& e) {
        problem = "cannot read " + file + ": " + e.displayText();
    } catch (const std::invalid_argument& e) {
        problem = file + ": " + e.what();
    }
    if (!problem.empty()) {
        context.recordAudit("user import", arguments, "failed: " + problem);
        throw CommandFailed(problem);
    }

    // The KDF is slow on purpose: hash on every core, then write in one transaction.
    const int iterations = context.kdfIterations();
    std::vector<std::string> hashes(entries.size());
    std::atomic<std::size_t> next{0};
    std::vector<std::thread> workers;
    const unsigned threads = std::max(1u, std::min(std::thread::hardware_concurrency(), 16u));
    for (unsigned t = 0; t < threads; ++t)
        workers.emplace_back([&] {
            for (std::size_t i = next++; i < entries.size(); i = next++)
                hashes[i] = store::hashPasswordMd5(store::md5Hex(entries[i].password), iterations);
        });
    for (std::thread& worker : workers)
        worker.join();

    std::size_t added = 0;
    std::size_t existing = 0;
    arguments.set("lines", static_cast<Poco::UInt64>(entries.size()));
    context.audited("user import", arguments, [&] {
        store::UserRepository users(context.database());
        for (std::size_t i = 0; i < entries.size(); ++i) {
            if (users.find(entries[i].username)) {
                ++existing;
                continue;
            }
            users.add(entries[i].username, entries[i].displayName, entries[i].role, hashes[i]);
            ++added;
        }
    });
    Object json(Poco::JSON_PRESERVE_KEY_ORDER);
    json.set("added", static_cast<Poco::UInt64>(added));
    json.set("already_existed", static_cast<Poco::UInt64>(existing));
    report(context,
           "imported " + std::to_string(added) + " users (" + std::to_string(existing) +
               " already existed and were left unchanged)",
           json);
}

} // namespace

void runUserCommand(AdminContext& context, const std::vector<std::string>& words)
{
    const std::string verb = words.empty() ? std::string() : words[0];
    if (verb == "list" && words.size() == 1)
        return listUsers(context);
    if (verb == "add" && words.size() == 2)
        return addUser(context, words[1]);
    if (verb == "show" && words.size() == 2)
        return showUser(context, words[1]);
    if (verb == "passwd" && words.size() == 2)
        return changePassword(context, words[1]);
    if (verb == "set-role" && words.size() == 3)
        return setRole(context, words[1], words[2]);
    if (verb == "delete" && words.size() == 2)
        return deleteUser(context, words[1]);
    if (verb == "import" && words.size() == 2)
        return importUsers(context, words[1]);
    throw UsageError(kUsage);
}

} // namespace ringdesk::admin
