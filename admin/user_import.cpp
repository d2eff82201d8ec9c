#include "admin/user_import.h"

#include "server/store/user_repository.h"

#include <set>
#include <stdexcept>

namespace ringdesk::admin {
namespace {

std::vector<std::string> splitFields(const std::string& line)
{
    std::vector<std::string> fields;
    std::string::size_type start = 0;
    for (;;) {
        const std::string::size_type comma = line.find(',', start);
        fields.push_back(line.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
        if (comma == std::string::npos)
            return fields;
        start = comma + 1;
    }
}

} // namespace

std::vector<ImportEntry> parseImport(std::istream& in)
{
    std::vector<ImportEntry> entries;
    std::vector<std::string> problems;
    std::size_t badLines = 0;
    std::set<std::string> seen;
    std::string line;
    for (std::size_t number = 1; std::getline(in, line); ++number) {
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        if (line.empty() || line.front() == '#')
            continue;
        const std::vector<std::string> fields = splitFields(line);
        std::string problem;
        ImportEntry entry;
        entry.line = number;
        if (fields.size() < 2 || fields.size() > 4) {
            problem = "expected username,password[,display name[,role]]";
        } else {
            entry.username = fields[0];
            entry.password = fields[1];
            if (fields.size() > 2)
                entry.displayName = fields[2];
            if (fields.size() > 3)
                entry.role = fields[3];
            if (!store::UserRepository::validUsername(entry.username))
                problem = "invalid username '" + entry.username + "'";
            else if (entry.password.empty())
                problem = "empty password";
            else if (!store::UserRepository::validRole(entry.role))
                problem = "role must be operator or admin";
            else if (!seen.insert(entry.username).second)
                problem = "'" + entry.username + "' appears twice";
        }
        if (problem.empty()) {
            entries.push_back(std::move(entry));
        } else if (++badLines <= 10) {
            problems.push_back("line " + std::to_string(number) + ": " + problem);
        }
    }
    if (badLines > 0) {
        std::string message = std::to_string(badLines) + " bad line(s), nothing imported:";
        for (const std::string& p : problems)
            message += "\n  " + p;
        throw std::invalid_argument(message);
    }
    return entries;
}

} // namespace ringdesk::admin
