#pragma once
// The result of sending a message to a user, one set of numbers for both protocols: IMS MESSAGE's
// `result` (ims-xml-protocol.txt, "Client->Server: MESSAGE") and the NL chat extension
// `team_msg_result`'s `result` (docs/protocol.md, "IM extensions"). Wire values: never change
// or reuse one.

namespace ringdesk::protocol {

enum class MessageResult : int
{
    kRecipientOffline = -1, // stored; delivered at the recipient's next login
    kNoSuchUser = 0,        // the recipient does not exist; the message is dropped
    kDelivered = 1,         // the recipient is logged in and has it
};

} // namespace ringdesk::protocol
