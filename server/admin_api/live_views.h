#pragma once
// The admin API's live views (docs/admin.md): who is connected, and the open rings and
// waiting visitors. Read from the core through Dispatcher::ask.

#include "server/dispatch/dispatcher.h"

#include <Poco/JSON/Object.h>

#include <string>
#include <string_view>

namespace ringdesk::admin_api {

/// {"sessions":[{"protocol":"nlchat"|"ims","connection","username","address","since" (ms),
/// "status" (name),"open_chats"}]}, operator sessions first, then IMS, each by connection id.
/// With `withVisitors`, visitor WebSockets follow: protocol "visitor", username = visitor id,
/// "name", status "idle", "chatting", "unavailable" (banned) or "before hello", open_chats 0/1.
Poco::JSON::Object::Ptr sessionsView(dispatch::Dispatcher& dispatcher, bool withVisitors);

/// {"conversations":[{"id","state":"ringing"|"waiting","visitor","visitor_name","address",
/// "page","since" (ms),"operators_rung","operator"}], "connected_chats", "visitor_connections"}:
/// rings still open and conversations waiting for their operator to come back.
Poco::JSON::Object::Ptr ringsView(dispatch::Dispatcher& dispatcher);

/// What the core holds of one visitor (visitor forget asks it first):
/// {"visitor","connections" (open visitor WebSockets after hello),"refused_connections" (of
/// those, refused by a ban),"conversation" (its live conversation's id, 0 when none),"state"
/// ("ringing"|"connected"|"waiting", "" when none),"operator" (username, may be "")}.
Poco::JSON::Object::Ptr visitorView(dispatch::Dispatcher& dispatcher, const std::string& visitorId);

/// The name of a user status number for the admin views: protocol::userStatusName()
/// ("Online", "Away", "Busy", "Offline"), or "unknown" for any other number.
std::string_view statusName(int statusCode);

} // namespace ringdesk::admin_api
