#include "operator-client/session/backoff.h"

#include <algorithm>
#include <stdexcept>

namespace ringdesk::operator_client {

Backoff::Backoff(std::chrono::milliseconds initial, std::chrono::milliseconds max)
    : initial_(initial), max_(max), current_(initial), random_(std::random_device{}())
{
    if (initial.count() <= 0 || max < initial)
        throw std::invalid_argument("reconnect delays need 0 < initial <= max");
}

std::chrono::milliseconds Backoff::next()
{
    const std::chrono::milliseconds base = current_;
    current_ = std::min(max_, current_ * 2);
    std::uniform_int_distribution<long long> cut(0, base.count() / 5);
    return std::max(std::chrono::milliseconds(1), base - std::chrono::milliseconds(cut(random_)));
}

} // namespace ringdesk::operator_client
