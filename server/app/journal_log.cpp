#include "server/app/journal_log.h"

#include <Poco/Environment.h>
#include <Poco/NumberParser.h>

#include <sys/stat.h>

namespace ringdesk::app {

bool standardErrorIsJournal()
{
    const std::string stream = Poco::Environment::get("JOURNAL_STREAM", "");
    const std::string::size_type colon = stream.find(':');
    if (colon == std::string::npos)
        return false;
    Poco::UInt64 device = 0;
    Poco::UInt64 inode = 0;
    if (!Poco::NumberParser::tryParseUnsigned64(stream.substr(0, colon), device) ||
        !Poco::NumberParser::tryParseUnsigned64(stream.substr(colon + 1), inode))
        return false;
    struct stat status {};
    if (::fstat(2, &status) != 0)
        return false;
    return static_cast<Poco::UInt64>(status.st_dev) == device && static_cast<Poco::UInt64>(status.st_ino) == inode;
}

int syslogPriority(Poco::Message::Priority priority)
{
    switch (priority) {
    case Poco::Message::PRIO_FATAL:
    case Poco::Message::PRIO_CRITICAL:
        return 2;
    case Poco::Message::PRIO_ERROR:
        return 3;
    case Poco::Message::PRIO_WARNING:
        return 4;
    case Poco::Message::PRIO_NOTICE:
        return 5;
    case Poco::Message::PRIO_INFORMATION:
        return 6;
    case Poco::Message::PRIO_DEBUG:
    case Poco::Message::PRIO_TRACE:
        break;
    }
    return 7;
}

void JournalFormatter::format(const Poco::Message& message, std::string& text)
{
    text += '<';
    text += static_cast<char>('0' + syslogPriority(message.getPriority()));
    text += '>';
    text += message.getSource();
    text += ": ";
    text += message.getText();
}

} // namespace ringdesk::app
