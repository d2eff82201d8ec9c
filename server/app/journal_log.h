#pragma once
// Logging to the systemd journal: when the server runs as a systemd service, its standard error
// is a journal stream (systemd.exec(5), $JOURNAL_STREAM). Then each line carries its level as a
// "<N>" syslog priority prefix (sd-daemon(3)) and no timestamp of its own, since the journal
// records one; `journalctl -u ringdesk -p warning` filters by that level.

#include <Poco/Formatter.h>
#include <Poco/Message.h>

#include <string>

namespace ringdesk::app {

/// True when standard error is the journal stream systemd gave this process: $JOURNAL_STREAM
/// names the device and inode ("DEV:INODE", decimal) of fd 2. False when the variable is unset,
/// malformed, or names another file (e.g. output redirected by a child process's caller).
bool standardErrorIsJournal();

/// The syslog priority (0 emergency ... 7 debug) for a POCO message priority: fatal and
/// critical are 2 (crit), error 3, warning 4, notice 5, information 6, debug and trace 7.
int syslogPriority(Poco::Message::Priority priority);

/// Formats "<N>source: text" (N from syslogPriority), one journal line per message.
class JournalFormatter final : public Poco::Formatter
{
public:
    void format(const Poco::Message& message, std::string& text) override;
};

} // namespace ringdesk::app
