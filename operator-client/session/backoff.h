#pragma once
// Delays between reconnection attempts: exponential from `initial` up to `max`, each delay
// shortened by a random part of up to a fifth so that operators dropped together by a server
// restart do not all come back in the same millisecond.

#include <chrono>
#include <random>

namespace ringdesk::operator_client {

class Backoff
{
public:
    /// `initial` > 0 and `max` >= `initial`, in ms; throws std::invalid_argument otherwise.
    Backoff(std::chrono::milliseconds initial, std::chrono::milliseconds max);

    /// The next delay: the n-th call since reset() returns min(initial * 2^(n-1), max), reduced
    /// by up to 20 %. Never below 1 ms.
    std::chrono::milliseconds next();

    /// Starts again from `initial` (after a successful login).
    void reset() noexcept { current_ = initial_; }

private:
    std::chrono::milliseconds initial_;
    std::chrono::milliseconds max_;
    std::chrono::milliseconds current_;
    std::minstd_rand random_;
};

} // namespace ringdesk::operator_client
