#pragma once
// The result of a friend action (add, delete, accept, deny), one set of numbers for both
// protocols: IMS FRIEND's `result` (ims-xml-protocol.txt, "Client->Server: FRIEND") and the
// NL chat extension `friend_result`'s `result` (docs/protocol.md, "IM extensions"). Wire values:
// never change or reuse one.

namespace ringdesk::protocol {

enum class FriendResult : int
{
    kFailed = 0, // no such user, already invited or friends, or no such invitation
    kDone = 1,
};

} // namespace ringdesk::protocol
