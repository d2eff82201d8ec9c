#pragma once
// Visitor bans (docs/admin.md, "Bans"): a ban names a visitor id ("v-" + 16 hex digits), one IP
// address (IPv4 or IPv6) or a CIDR block ("203.0.113.0/24", "2001:db8::/32"). The core refuses
// a banned visitor's chat; the admin tool validates what it writes with the same parser.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ringdesk::core {

class VisitorBanSubject
{
public:
    /// Parses a ban subject. A CIDR block is kept as its network address ("10.1.2.3/8" becomes
    /// "10.0.0.0/8"); an IPv4-mapped IPv6 address counts as its IPv4 address. Throws
    /// std::invalid_argument naming the text when it is none of the three forms (prefix length
    /// above 32 / 128, an empty string, a visitor id of the wrong shape).
    static VisitorBanSubject parse(const std::string& text);
    /// The same, nullopt instead of throwing.
    static std::optional<VisitorBanSubject> tryParse(const std::string& text);

    /// True when the ban covers a visitor with this id connected from `address` (an IP address
    /// as text, without port; an unparseable address matches only a visitor-id ban by id).
    bool matches(const std::string& visitorId, const std::string& address) const;

    /// The canonical text (what is stored in bans.subject).
    const std::string& text() const { return text_; }
    /// "visitor id", "address" or "network".
    const char* kindName() const;

private:
    enum class Kind { kVisitorId, kAddress, kNetwork };
    struct Ip
    {
        bool v6 = false;
        std::array<std::uint8_t, 16> bytes{};
    };
    static std::optional<Ip> parseIp(const std::string& text);
    static std::string formatIp(const Ip& ip);

    Kind kind_ = Kind::kVisitorId;
    std::string text_;
    Ip network_;
    int prefix_ = 0; // bits compared (32 or 128 for a single address)
};

/// Where the core reads the active visitor bans (server/store: the bans table). Called on the
/// dispatcher thread only.
class VisitorBanList
{
public:
    virtual ~VisitorBanList() = default;
    /// Subjects of every visitor ban active at `nowMs` (ms since the epoch).
    virtual std::vector<VisitorBanSubject> activeVisitorBans(std::int64_t nowMs) = 0;
};

} // namespace ringdesk::core
