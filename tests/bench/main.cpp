// ringdesk-bench: starts its own ringdesk-server(s) and baselines on free ports and prints the
// measurement tables of docs/performance.md. Exit codes: 0 the run completed (a missed goal is a
// reported figure), 1 the run failed, 2 a correctness bug was measured (race scenario).

#include "scenarios.h"

#include <sys/resource.h>

#include <cstdlib>
#include <filesystem>
#include <functional>
#include <iostream>
#include <map>

namespace fs = std::filesystem;
using namespace ringdesk::bench;

namespace {

constexpr const char* kUsage =
    "usage: ringdesk-bench --server=PATH --admin=PATH\n"
    "         [--scenario=relay|fanout|connections|race|rsa|persistence|all] [--smoke]\n"
    "         [--pairs=N] [--operators=N] [--visitors=N] [--duration=SECONDS]\n";

// Accepts --name=value and --name value.
bool parse(int argc, char** argv, Options& options)
{
    std::map<std::string, std::string> values;
    for (int i = 1; i < argc; ++i) {
        std::string arg = argv[i];
        if (arg == "--smoke") {
            options.smoke = true;
            continue;
        }
        if (arg.rfind("--", 0) != 0)
            return false;
        const auto equals = arg.find('=');
        if (equals != std::string::npos)
            values[arg.substr(2, equals - 2)] = arg.substr(equals + 1);
        else if (i + 1 < argc)
            values[arg.substr(2)] = argv[++i];
        else
            return false;
    }
    if (options.smoke) {
        options.pairs = 2;
        options.operators = 10;
        options.visitors = 20;
        options.duration = 0.5;
    }
    for (const auto& [name, value] : values) {
        if (name == "server") options.serverBin = value;
        else if (name == "admin") options.adminBin = value;
        else if (name == "scenario") options.scenario = value;
        else if (name == "pairs") options.pairs = std::stoul(value);
        else if (name == "operators") options.operators = std::stoul(value);
        else if (name == "visitors") options.visitors = std::stoul(value);
        else if (name == "duration") options.duration = std::stod(value);
        else return false;
    }
    return !options.serverBin.empty() && !options.adminBin.empty() && options.pairs > 0 &&
           options.operators > 0 && options.duration > 0;
}

// Every client socket and the server's are file descriptors; children inherit the limit.
void raiseFileLimit()
{
    rlimit limit{};
    if (::getrlimit(RLIMIT_NOFILE, &limit) == 0) {
        limit.rlim_cur = limit.rlim_max;
        ::setrlimit(RLIMIT_NOFILE, &limit);
    }
}

} // namespace

int main(int argc, char** argv)
{
    Options options;
    try {
        if (!parse(argc, argv, options)) {
            std::cerr << kUsage;
            return 1;
        }
    } catch (const std::exception&) {
        std::cerr << kUsage;
        return 1;
    }
    raiseFileLimit();
    std::string pattern = (fs::temp_directory_path() / "ringdesk-bench-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr) {
        std::cerr << "cannot create a temporary folder\n";
        return 1;
    }
    Context ctx{options, pattern, {}, OperatorAccounts(options.adminBin, pattern)};

    const std::vector<std::pair<std::string, std::function<void(Context&)>>> scenarios{
        {"relay", runRelayScenario},   {"fanout", runFanoutScenario}, {"connections", runConnectionsScenario},
        {"race", runRaceScenario},     {"rsa", runRsaScenario},       {"persistence", runPersistenceScenario}};
    bool known = options.scenario == "all";
    bool failed = false;
    for (const auto& [name, run] : scenarios) {
        if (options.scenario != "all" && options.scenario != name)
            continue;
        known = true;
        const auto start = std::chrono::steady_clock::now();
        try {
            run(ctx);
            ctx.report.print(std::cout, name);
        } catch (const std::exception& e) {
            ctx.report.print(std::cout, name);
            std::cerr << "scenario " << name << " failed: " << e.what() << "\n";
            failed = true;
        }
        std::cout << "(" << name << ": "
                  << std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() << " s)\n";
    }
    std::error_code ignored;
    fs::remove_all(ctx.workDir, ignored);
    if (!known) {
        std::cerr << kUsage;
        return 1;
    }
    if (ctx.correctnessFailure) {
        std::cerr << "CORRECTNESS FAILURE: double associations or lost rings were measured\n";
        return 2;
    }
    return failed ? 1 : 0;
}
