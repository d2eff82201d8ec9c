#pragma once
// `ringdesk-admin user import FILE`: many accounts at once, one per line:
//     username,password[,display name[,role]]
// Empty lines and lines starting with '#' are skipped. The password may not contain a comma.

#include <istream>
#include <string>
#include <vector>

namespace ringdesk::admin {

struct ImportEntry
{
    std::size_t line = 0; // 1-based
    std::string username;
    std::string password;
    std::string displayName; // empty: the username
    std::string role = "operator";
};

/// Parses every line of `in`. Throws std::invalid_argument listing the first ten bad lines
/// (line number and why: wrong field count, bad username or role, empty password, a name that
/// appears twice) when any line is bad; nothing is returned then.
std::vector<ImportEntry> parseImport(std::istream& in);

} // namespace ringdesk::admin
