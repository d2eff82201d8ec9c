#pragma once
// The benchmark's output: one row per measured setting, printed as a Markdown table per
// scenario so the figures can be pasted into docs/performance.md unchanged.

#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace ringdesk::bench {

struct Row
{
    std::string scenario;
    std::string setting;
    /// Median and 99th percentile in `unit`. For rates ("msg/s") the p99 column holds the rate
    /// reached in at least 99 % of the 100 ms intervals (the slow tail), not a maximum.
    double median = 0;
    double p99 = 0;
    std::string unit;
    /// median / baseline median, when the row has a baseline in the same run.
    std::optional<double> ratio;
    std::string baseline;
    /// The goal in words ("<= 2 ms p99") and whether it was met; empty when the row has none.
    std::string goal;
    std::optional<bool> met;
    std::string note;
};

class Report
{
public:
    void add(Row row) { rows_.push_back(std::move(row)); }
    /// Prints the rows of `scenario` as a Markdown table.
    void print(std::ostream& out, const std::string& scenario) const;
    const std::vector<Row>& rows() const noexcept { return rows_; }

private:
    std::vector<Row> rows_;
};

/// A number with three significant digits at most, as the tables show it.
std::string formatNumber(double value);

} // namespace ringdesk::bench
