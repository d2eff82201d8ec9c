#include "operator-client/app/trace_log.h"

#include <algorithm>
#include <iostream>

namespace ringdesk::operator_app {

void TraceLog::write(const std::string& line) const
{
    if (!enabled_)
        return;
    std::string flat = line;
    std::replace(flat.begin(), flat.end(), '\n', ' ');
    std::cout << "trace: " << flat << std::endl;
}

} // namespace ringdesk::operator_app
