#pragma once
// The schema migrations of db/migrations/, embedded at build time. A migration's version is the
// number its file name starts with; versions only go up and released files are never edited.

#include <string>
#include <vector>

namespace ringdesk::store {

struct Migration
{
    int version;
    const char* name;
    const char* sql;
};

/// Every migration, in ascending version order.
const std::vector<Migration>& migrations();

} // namespace ringdesk::store
