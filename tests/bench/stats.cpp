#include "stats.h"

#include <algorithm>
#include <cmath>

namespace ringdesk::bench {

void Samples::add(double value)
{
    values_.push_back(value);
    sorted_ = false;
}

double Samples::percentile(double p) const
{
    if (values_.empty())
        return 0;
    if (!sorted_) {
        std::sort(values_.begin(), values_.end());
        sorted_ = true;
    }
    const double rank = std::ceil(p / 100.0 * static_cast<double>(values_.size()));
    const std::size_t index = rank < 1 ? 0 : static_cast<std::size_t>(rank) - 1;
    return values_[std::min(index, values_.size() - 1)];
}

} // namespace ringdesk::bench
