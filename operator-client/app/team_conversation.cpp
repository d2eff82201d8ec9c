#include "operator-client/app/team_conversation.h"

#include "operator-client/app/transcript.h"

#include "protocol/user_status.h"

#include <utility>

namespace ringdesk::operator_app {

using operator_client::TeamDelivery;

TeamConversation::TeamConversation(std::string colleague) : colleague_(std::move(colleague)) {}

std::string TeamConversation::tabTitle() const
{
    return unread_.mark("Team \u00b7 " + colleague_);
}

std::string TeamConversation::lineFor(const operator_client::TeamMessageReceived& message, std::int64_t nowMs)
{
    const std::string who = message.offline ? message.from + " (while you were offline)" : message.from;
    return formatTranscriptLine(message.ts != 0 ? message.ts : nowMs, who, message.text, nowMs);
}

std::string TeamConversation::deliveryNote(TeamDelivery delivery) const
{
    switch (delivery) {
    case TeamDelivery::Delivered:
        return {};
    case TeamDelivery::Stored:
        return colleague_ + " is offline: the message is delivered at their next login";
    case TeamDelivery::NoSuchUser:
        return "not delivered: there is no user " + colleague_;
    }
    return {};
}

std::string TeamConversation::availabilityNotice(int status) const
{
    if (status != protocol::user_status::kOffline)
        return {};
    return colleague_ + " is offline \u2014 messages wait for their next login.";
}

} // namespace ringdesk::operator_app
