#pragma once
// Output of ringdesk-admin: aligned text tables for people, JSON arrays for scripts.

#include <ostream>
#include <string>
#include <vector>

namespace ringdesk::admin {

using Row = std::vector<std::string>;

/// Prints `rows` under `header` as a column-aligned table, or as a JSON array of objects keyed by
/// the header names when `json` is true.
void printTable(std::ostream& out, const Row& header, const std::vector<Row>& rows, bool json);

} // namespace ringdesk::admin
