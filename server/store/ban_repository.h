#pragma once
// The bans table (db/migrations/0002_accounts.sql): who is banned, why, by whom, since and
// until when. A ban is active while `until` is absent or later than now. Login of a user with
// an active ban is refused (IMS LOGIN result 2, operator login result 2).

#include <Poco/Data/Session.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ringdesk::store {

/// Values of bans.kind.
namespace ban_kind {
inline constexpr const char* kUser = "user";
inline constexpr const char* kVisitor = "visitor";
} // namespace ban_kind

struct BanRow
{
    std::int64_t id = 0;
    std::string kind;     // ban_kind
    std::string subject;  // username, or visitor id / address
    std::string reason;
    std::string bannedBy; // the admin's username
    std::int64_t since = 0;              // ms since the epoch
    std::optional<std::int64_t> until;   // ms since the epoch; nullopt: until lifted
    std::optional<std::string> liftedBy; // who lifted it (unban); nullopt: never lifted

    /// "active", "lifted" or "expired" at `nowMs`.
    const char* stateAt(std::int64_t nowMs) const;
};

class BanRepository
{
public:
    /// Uses `session` for every statement; the caller owns it and its thread.
    explicit BanRepository(Poco::Data::Session& session);

    /// Records a ban; returns its id. `kind` must be a ban_kind value and `subject` non-empty,
    /// otherwise throws std::invalid_argument.
    std::int64_t add(const std::string& kind, const std::string& subject, const std::string& reason,
                     const std::string& bannedBy, std::int64_t sinceMs,
                     std::optional<std::int64_t> untilMs);
    /// The active ban of `subject` at `nowMs` with the latest end (an open-ended one first),
    /// or nullopt.
    std::optional<BanRow> active(const std::string& kind, const std::string& subject, std::int64_t nowMs);
    /// Ends every active ban of `subject` at `nowMs`, recording `liftedBy`; returns how many
    /// were lifted.
    std::size_t lift(const std::string& kind, const std::string& subject, std::int64_t nowMs,
                     const std::string& liftedBy = {});
    /// Every ban, newest first.
    std::vector<BanRow> list();
    /// The bans active at `nowMs`, newest first; only those of `kind` when it is not empty.
    std::vector<BanRow> listActive(std::int64_t nowMs, const std::string& kind = {});

private:
    Poco::Data::Session& session_;
};

} // namespace ringdesk::store
