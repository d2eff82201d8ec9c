#pragma once
// Typing states (chat states), one set of names for both chat protocols: the NL chat
// `chat_state` packet's `state` (nlchat-protocol.txt 1.1.11, "chat state ('composing',
// 'paused')"; other NL chat channels also send the XEP-0085 names below) and the visitor
// WebSocket's `chat_state` (docs/visitor-api.md), which the server relays between the two.

#include <array>

namespace ringdesk::protocol::chat_state {

inline constexpr const char* kComposing = "composing"; // 1.1.11: is typing
inline constexpr const char* kPaused = "paused";       // 1.1.11: stopped typing
// Ringdesk sends these to the operator about the visitor (docs/protocol.md, "Commands"):
inline constexpr const char* kActive = "active"; // the visitor's page is (again) connected
inline constexpr const char* kGone = "gone";     // the visitor's last page closed
// Sent by some other NL chat channels; relayed as they come.
inline constexpr const char* kTyping = "typing";
inline constexpr const char* kIdle = "idle";
inline constexpr const char* kNoState = "no_state";

/// Every state above, for listings (protocol/wire_constants.h).
inline constexpr std::array<const char*, 7> kAll{kComposing, kPaused, kActive, kGone, kTyping, kIdle, kNoState};

} // namespace ringdesk::protocol::chat_state
