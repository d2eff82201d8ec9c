#include "report.h"

#include <cmath>
#include <cstdio>

namespace ringdesk::bench {

std::string formatNumber(double value)
{
    char text[64];
    const double magnitude = std::fabs(value);
    if (magnitude >= 1000 || value == 0)
        std::snprintf(text, sizeof text, "%.0f", value);
    else if (magnitude >= 100)
        std::snprintf(text, sizeof text, "%.1f", value);
    else if (magnitude >= 1)
        std::snprintf(text, sizeof text, "%.2f", value);
    else
        std::snprintf(text, sizeof text, "%.3f", value);
    return text;
}

void Report::print(std::ostream& out, const std::string& scenario) const
{
    out << "\n### " << scenario << "\n\n"
        << "| scenario | setting | median | p99 | unit | ratio | baseline | goal | met | note |\n"
        << "|---|---|---|---|---|---|---|---|---|---|\n";
    for (const Row& row : rows_) {
        if (row.scenario != scenario)
            continue;
        out << "| " << row.scenario << " | " << row.setting << " | " << formatNumber(row.median)
            << " | " << formatNumber(row.p99) << " | " << row.unit << " | "
            << (row.ratio ? formatNumber(*row.ratio) + "x" : std::string("-")) << " | "
            << (row.baseline.empty() ? "-" : row.baseline) << " | "
            << (row.goal.empty() ? "-" : row.goal) << " | "
            << (row.met ? (*row.met ? "yes" : "**no**") : "-") << " | " << row.note << " |\n";
    }
    out.flush();
}

} // namespace ringdesk::bench
