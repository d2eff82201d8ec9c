#pragma once
// What a configuration reload (SIGHUP; `systemctl reload ringdesk`) may change in a running
// server, and what waits for a restart (docs/deployment.md, "Reloading the configuration").
//
// Safe to change at once: the core's rules (ring timeout and offer, probe and drop times, the
// grace period, the concurrent-chat limit, whether transcripts are stored) and the IMS ALIVE
// timeout: the dispatcher thread owns them and applies them from its next event on. Everything
// else (ports, TLS, files, thread and connection counts, anonymous operators) is bound to sockets,
// threads or the data already open, so a changed value is reported and takes effect at restart.

#include "server/app/server_settings.h"

#include <string>
#include <vector>

namespace ringdesk::app {

struct SettingsReload
{
    /// The settings the server runs with after the reload: `current` with the reloadable
    /// rules taken from `fresh`.
    ServerSettings next;
    /// describe() lines of `next` that differ from `current`: changed now.
    std::vector<std::string> applied;
    /// describe() lines of `fresh` that differ from `next`: changed in the configuration, in
    /// effect only after a restart.
    std::vector<std::string> needRestart;
};

/// Compares the running settings with freshly loaded ones. Pure; never throws.
SettingsReload planReload(const ServerSettings& current, const ServerSettings& fresh);

} // namespace ringdesk::app
