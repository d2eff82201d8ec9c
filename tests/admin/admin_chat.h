#pragma once
// A visitor and an operator chatting on a test server, for the admin tests that read, forget
// or back up what the chat stored. Each step returns once the server has committed it: the
// server relays a message only after storing it.

#include "operator-client/session/nlchat_client.h"
#include "support/visitor_client.h"

#include <cstdint>
#include <string>

namespace ringdesk::admin_tests {

/// The visitor writes `first`; `op` takes the ring (the one with that text) and receives the
/// message. Returns the conversation id once the visitor saw `connected`. Throws
/// std::runtime_error (waits.h) when a step does not happen within integration::kDeadline.
std::int64_t acceptChat(operator_client::NlchatClient& op, integration::VisitorClient& visitor,
                        const std::string& first);

/// The operator writes `text` in conversation `id`; returns when the visitor has it.
void operatorSays(operator_client::NlchatClient& op, integration::VisitorClient& visitor, std::int64_t id,
                  const std::string& text);

/// The visitor writes `text`; returns when the operator has it.
void visitorSays(integration::VisitorClient& visitor, operator_client::NlchatClient& op, const std::string& text);

} // namespace ringdesk::admin_tests
