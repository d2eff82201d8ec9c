#include "admin/table_printer.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <algorithm>

namespace ringdesk::admin {

void printTable(std::ostream& out, const Row& header, const std::vector<Row>& rows, bool json)
{
    if (json) {
        Poco::JSON::Array array;
        for (const Row& row : rows) {
            Poco::JSON::Object::Ptr object = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
            for (std::size_t i = 0; i < header.size() && i < row.size(); ++i)
                object->set(header[i], row[i]);
            array.add(object);
        }
        array.stringify(out);
        out << "\n";
        return;
    }
    std::vector<std::size_t> widths(header.size());
    for (std::size_t i = 0; i < header.size(); ++i)
        widths[i] = header[i].size();
    for (const Row& row : rows)
        for (std::size_t i = 0; i < header.size() && i < row.size(); ++i)
            widths[i] = std::max(widths[i], row[i].size());
    auto line = [&](const Row& row) {
        for (std::size_t i = 0; i < header.size(); ++i) {
            const std::string& cell = i < row.size() ? row[i] : std::string();
            out << cell;
            if (i + 1 < header.size())
                out << std::string(widths[i] - cell.size() + 2, ' ');
        }
        out << "\n";
    };
    line(header);
    for (const Row& row : rows)
        line(row);
}

} // namespace ringdesk::admin
