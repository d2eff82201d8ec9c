#include "proc_stats.h"

#include <unistd.h>

#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>

namespace ringdesk::bench {
namespace {

long statusField(pid_t pid, const std::string& field)
{
    const std::string path = "/proc/" + std::to_string(pid) + "/status";
    std::ifstream in(path);
    std::string line;
    while (std::getline(in, line)) {
        if (line.compare(0, field.size() + 1, field + ":") == 0)
            return std::stol(line.substr(field.size() + 1));
    }
    throw std::runtime_error("no " + field + " in " + path);
}

} // namespace

long residentKiB(pid_t pid) { return statusField(pid, "VmRSS"); }

long threadCount(pid_t pid) { return statusField(pid, "Threads"); }

double cpuSeconds(pid_t pid)
{
    const std::string path = "/proc/" + std::to_string(pid) + "/stat";
    std::ifstream in(path);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    // The command name (field 2) may hold spaces; the fields after its ')' are fixed.
    const auto close = text.rfind(')');
    if (close == std::string::npos)
        throw std::runtime_error("cannot read " + path);
    std::istringstream fields(text.substr(close + 2));
    std::string skip;
    for (int field = 3; field < 14; ++field) // fields 3 … 13
        fields >> skip;
    unsigned long long utime = 0;
    unsigned long long stime = 0;
    fields >> utime >> stime;
    if (!fields)
        throw std::runtime_error("cannot parse " + path);
    return static_cast<double>(utime + stime) / static_cast<double>(::sysconf(_SC_CLK_TCK));
}

} // namespace ringdesk::bench
