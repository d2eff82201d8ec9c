#include "server/app/settings_reload.h"

#include <algorithm>

namespace ringdesk::app {
namespace {

/// The lines of `after` that `before` does not have, in `after`'s order.
std::vector<std::string> changedLines(const ServerSettings& before, const ServerSettings& after)
{
    const std::vector<std::string> old = before.describe();
    std::vector<std::string> changed;
    for (const std::string& line : after.describe())
        if (std::find(old.begin(), old.end(), line) == old.end())
            changed.push_back(line);
    return changed;
}

} // namespace

SettingsReload planReload(const ServerSettings& current, const ServerSettings& fresh)
{
    SettingsReload reload{current, {}, {}};
    reload.next.core = fresh.core;
    reload.next.core.allowAnonymousOperators = current.core.allowAnonymousOperators;
    reload.next.im = fresh.im;
    reload.applied = changedLines(current, reload.next);
    reload.needRestart = changedLines(reload.next, fresh);
    return reload;
}

} // namespace ringdesk::app
