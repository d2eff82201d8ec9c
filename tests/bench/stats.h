#pragma once
// Percentiles of benchmark samples. The unit is the caller's (the scenarios use microseconds
// for latencies and messages per second for rates) and is named where a sample is added.

#include <cstddef>
#include <vector>

namespace ringdesk::bench {

class Samples
{
public:
    void add(double value);
    std::size_t size() const noexcept { return values_.size(); }
    bool empty() const noexcept { return values_.empty(); }

    /// The `p`-th percentile (0 < p <= 100) by the nearest-rank method: the smallest sample
    /// with at least p % of the samples at or below it. 0 when there are no samples.
    double percentile(double p) const;
    double median() const { return percentile(50); }
    double max() const { return percentile(100); }
    /// Every sample, in no particular order.
    const std::vector<double>& values() const noexcept { return values_; }

private:
    mutable std::vector<double> values_;
    mutable bool sorted_ = true;
};

} // namespace ringdesk::bench
