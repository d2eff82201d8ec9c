#include "server/store/ban_repository.h"

#include <Poco/Data/RecordSet.h>

#include <stdexcept>

using namespace Poco::Data::Keywords;

namespace ringdesk::store {
namespace {

constexpr const char* kColumns =
    "SELECT id, kind, subject, reason, banned_by, since, until_at, lifted_by FROM bans";

std::vector<BanRow> toBans(Poco::Data::RecordSet& rows)
{
    std::vector<BanRow> bans;
    for (bool more = rows.moveFirst(); more; more = rows.moveNext()) {
        BanRow ban;
        ban.id = rows[0].convert<std::int64_t>();
        ban.kind = rows[1].convert<std::string>();
        ban.subject = rows[2].convert<std::string>();
        ban.reason = rows[3].convert<std::string>();
        ban.bannedBy = rows[4].convert<std::string>();
        ban.since = rows[5].convert<std::int64_t>();
        if (!rows[6].isEmpty())
            ban.until = rows[6].convert<std::int64_t>();
        if (!rows[7].isEmpty())
            ban.liftedBy = rows[7].convert<std::string>();
        bans.push_back(std::move(ban));
    }
    return bans;
}

} // namespace

const char* BanRow::stateAt(std::int64_t nowMs) const
{
    if (!until || *until > nowMs)
        return "active";
    return liftedBy ? "lifted" : "expired";
}

BanRepository::BanRepository(Poco::Data::Session& session) : session_(session) {}

std::int64_t BanRepository::add(const std::string& kind, const std::string& subject,
                                const std::string& reason, const std::string& bannedBy,
                                std::int64_t sinceMs, std::optional<std::int64_t> untilMs)
{
    if (kind != ban_kind::kUser && kind != ban_kind::kVisitor)
        throw std::invalid_argument("ban kind must be user or visitor");
    if (subject.empty())
        throw std::invalid_argument("ban subject must not be empty");
    if (untilMs) {
        session_ << "INSERT INTO bans (kind, subject, reason, banned_by, since, until_at) "
                    "VALUES (?, ?, ?, ?, ?, ?)",
            bind(kind), bind(subject), bind(reason), bind(bannedBy), bind(sinceMs), bind(*untilMs), now;
    } else {
        session_ << "INSERT INTO bans (kind, subject, reason, banned_by, since, until_at) "
                    "VALUES (?, ?, ?, ?, ?, NULL)",
            bind(kind), bind(subject), bind(reason), bind(bannedBy), bind(sinceMs), now;
    }
    std::int64_t id = 0;
    session_ << "SELECT last_insert_rowid()", into(id), now;
    return id;
}

std::optional<BanRow> BanRepository::active(const std::string& kind, const std::string& subject,
                                            std::int64_t nowMs)
{
    Poco::Data::Statement select(session_);
    select << std::string(kColumns) +
                  " WHERE kind = ? AND subject = ? AND since <= ? AND (until_at IS NULL OR until_at > ?)"
                  " ORDER BY until_at IS NOT NULL, until_at DESC LIMIT 1",
        bind(kind), bind(subject), bind(nowMs), bind(nowMs);
    select.execute();
    Poco::Data::RecordSet rows(select);
    std::vector<BanRow> bans = toBans(rows);
    if (bans.empty())
        return std::nullopt;
    return bans.front();
}

std::size_t BanRepository::lift(const std::string& kind, const std::string& subject, std::int64_t nowMs,
                                const std::string& liftedBy)
{
    Poco::Data::Statement update(session_);
    update << "UPDATE bans SET until_at = ?, lifted_by = ? WHERE kind = ? AND subject = ? "
              "AND (until_at IS NULL OR until_at > ?)",
        bind(nowMs), bind(liftedBy), bind(kind), bind(subject), bind(nowMs);
    return update.execute();
}

std::vector<BanRow> BanRepository::listActive(std::int64_t nowMs, const std::string& kind)
{
    Poco::Data::Statement select(session_);
    select << std::string(kColumns) +
                  " WHERE (? = '' OR kind = ?) AND since <= ? AND (until_at IS NULL OR until_at > ?)"
                  " ORDER BY id DESC",
        bind(kind), bind(kind), bind(nowMs), bind(nowMs);
    select.execute();
    Poco::Data::RecordSet rows(select);
    return toBans(rows);
}

std::vector<BanRow> BanRepository::list()
{
    Poco::Data::Statement select(session_);
    select << std::string(kColumns) + " ORDER BY id DESC";
    select.execute();
    Poco::Data::RecordSet rows(select);
    return toBans(rows);
}

} // namespace ringdesk::store
