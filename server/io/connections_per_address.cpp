#include "server/io/connections_per_address.h"

#include <stdexcept>

namespace ringdesk::io {

ConnectionsPerAddress::ConnectionsPerAddress(std::size_t maxPerAddress) : maxPerAddress_(maxPerAddress)
{
    if (maxPerAddress_ == 0)
        throw std::invalid_argument("ConnectionsPerAddress: maxPerAddress must be at least 1");
}

bool ConnectionsPerAddress::tryAdd(const std::string& address)
{
    {
        const std::lock_guard lock(mutex_);
        std::size_t& count = live_[address];
        if (count < maxPerAddress_) {
            ++count;
            return true;
        }
    }
    refused_.fetch_add(1, std::memory_order_relaxed);
    return false;
}

void ConnectionsPerAddress::remove(const std::string& address)
{
    const std::lock_guard lock(mutex_);
    const auto found = live_.find(address);
    if (found == live_.end())
        return;
    if (--found->second == 0)
        live_.erase(found);
}

} // namespace ringdesk::io
