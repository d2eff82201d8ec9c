#pragma once
// Every wire constant that another program mirrors, as one JSON document: the visitor
// WebSocket's names (protocol/visitor_message.h), the error codes (protocol/protocol_error.h),
// the typing states (protocol/chat_state.h), the limits (protocol/limits.h), the user status
// numbers and names (protocol/user_status.h) and the login, message and friend results
// (protocol/login_result.h, message_result.h, friend_result.h).
//
// The output is committed as protocol/wire_constants.json. Two tests keep the chain closed:
// protocol_tests fails when the file differs from wireConstantsJson() (regenerate it with the
// print_wire_constants program), and the widget's protocol.test.ts fails when
// visitor-widget/src/protocol.ts differs from the file or the file is missing. So a constant
// changes in the headers, then in the JSON, then in the widget, or a test says which is behind.

#include <string>

namespace ringdesk::protocol {

/// The constants as pretty-printed JSON (two-space indent, keys in a fixed order, a final
/// newline). Pure; the same text on every call and platform.
std::string wireConstantsJson();

} // namespace ringdesk::protocol
