#pragma once
// Whether an account is banned right now (docs/admin.md, "Bans"). The front-ends check bans
// before a login is posted; the core checks again when the login takes effect, on the
// dispatcher thread, so that a ban recorded while the password was being verified still
// refuses it (the admin tool's forced logout may have run in between).

#include <cstdint>
#include <string>

namespace ringdesk::core {

class UserBanCheck
{
public:
    virtual ~UserBanCheck() = default;
    /// True when `username` has a ban active at `nowMs` (ms since the epoch).
    virtual bool isBanned(const std::string& username, std::int64_t nowMs) = 0;
};

} // namespace ringdesk::core
