#include "server/core/visitor_ban.h"

#include <arpa/inet.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <stdexcept>

namespace ringdesk::core {
namespace {

bool isVisitorId(const std::string& text)
{
    if (text.size() != 18 || text.compare(0, 2, "v-") != 0)
        return false;
    for (std::size_t i = 2; i < text.size(); ++i)
        if (!std::isxdigit(static_cast<unsigned char>(text[i])))
            return false;
    return true;
}

} // namespace

std::optional<VisitorBanSubject::Ip> VisitorBanSubject::parseIp(const std::string& text)
{
    Ip ip;
    in_addr v4{};
    if (inet_pton(AF_INET, text.c_str(), &v4) == 1) {
        std::memcpy(ip.bytes.data(), &v4, 4);
        return ip;
    }
    in6_addr v6{};
    if (inet_pton(AF_INET6, text.c_str(), &v6) != 1)
        return std::nullopt;
    std::memcpy(ip.bytes.data(), &v6, 16);
    // ::ffff:a.b.c.d is how a dual-stack socket reports an IPv4 peer.
    static constexpr std::array<std::uint8_t, 12> kMapped{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
    if (std::equal(kMapped.begin(), kMapped.end(), ip.bytes.begin())) {
        std::memmove(ip.bytes.data(), ip.bytes.data() + 12, 4);
        std::fill(ip.bytes.begin() + 4, ip.bytes.end(), std::uint8_t(0));
        return ip;
    }
    ip.v6 = true;
    return ip;
}

std::string VisitorBanSubject::formatIp(const Ip& ip)
{
    char buffer[INET6_ADDRSTRLEN] = {};
    inet_ntop(ip.v6 ? AF_INET6 : AF_INET, ip.bytes.data(), buffer, sizeof buffer);
    return buffer;
}

VisitorBanSubject VisitorBanSubject::parse(const std::string& text)
{
    std::optional<VisitorBanSubject> subject = tryParse(text);
    if (!subject)
        throw std::invalid_argument("'" + text +
                                    "' is not a visitor id (v- and 16 hex digits), an IP address or "
                                    "a CIDR block (address/prefix)");
    return *subject;
}

std::optional<VisitorBanSubject> VisitorBanSubject::tryParse(const std::string& text)
{
    VisitorBanSubject subject;
    if (isVisitorId(text)) {
        subject.kind_ = Kind::kVisitorId;
        subject.text_ = text;
        return subject;
    }
    const std::string::size_type slash = text.find('/');
    const std::optional<Ip> ip = parseIp(text.substr(0, slash));
    if (!ip)
        return std::nullopt;
    const int bits = ip->v6 ? 128 : 32;
    subject.network_ = *ip;
    subject.prefix_ = bits;
    subject.kind_ = Kind::kAddress;
    if (slash != std::string::npos) {
        const std::string digits = text.substr(slash + 1);
        if (digits.empty() || digits.size() > 3)
            return std::nullopt;
        for (char c : digits)
            if (!std::isdigit(static_cast<unsigned char>(c)))
                return std::nullopt;
        const int prefix = std::stoi(digits);
        if (prefix > bits)
            return std::nullopt;
        subject.prefix_ = prefix;
        // Keep only the network part, so that equal blocks are stored as equal text.
        for (int bit = prefix; bit < bits; ++bit)
            subject.network_.bytes[static_cast<std::size_t>(bit / 8)] &=
                static_cast<std::uint8_t>(~(0x80u >> (bit % 8)));
        if (prefix < bits)
            subject.kind_ = Kind::kNetwork;
    }
    subject.text_ = formatIp(subject.network_);
    if (subject.kind_ == Kind::kNetwork)
        subject.text_ += "/" + std::to_string(subject.prefix_);
    return subject;
}

bool VisitorBanSubject::matches(const std::string& visitorId, const std::string& address) const
{
    if (kind_ == Kind::kVisitorId)
        return visitorId == text_;
    const std::optional<Ip> ip = parseIp(address);
    if (!ip || ip->v6 != network_.v6)
        return false;
    for (int bit = 0; bit < prefix_; ++bit) {
        const auto index = static_cast<std::size_t>(bit / 8);
        const auto mask = static_cast<std::uint8_t>(0x80u >> (bit % 8));
        if ((ip->bytes[index] & mask) != (network_.bytes[index] & mask))
            return false;
    }
    return true;
}

const char* VisitorBanSubject::kindName() const
{
    switch (kind_) {
    case Kind::kVisitorId: return "visitor id";
    case Kind::kAddress: return "address";
    case Kind::kNetwork: return "network";
    }
    return "visitor id";
}

} // namespace ringdesk::core
