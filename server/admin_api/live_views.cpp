#include "server/admin_api/live_views.h"

#include "protocol/user_status.h"

#include <Poco/JSON/Array.h>

#include <optional>
#include <tuple>

namespace ringdesk::admin_api {

using Poco::JSON::Array;
using Poco::JSON::Object;

std::string_view statusName(int statusCode) { return protocol::userStatusName(statusCode).value_or("unknown"); }

Object::Ptr sessionsView(dispatch::Dispatcher& dispatcher, bool withVisitors)
{
    struct ImsRow
    {
        core::ImsSessionInfo info;
        int status;
    };
    const auto [operators, ims, visitors] = dispatcher.ask([withVisitors](const core::Core& core) {
        std::vector<ImsRow> imsRows;
        const core::ImSessionManager& im = core.im();
        for (const core::ImsSessionInfo& info : im.imsSessions())
            imsRows.push_back({info, info.username.empty() ? core::status_code::kUnknown
                                                           : im.statusOf(info.username)});
        return std::make_tuple(core.operatorSessions(), imsRows,
                               withVisitors ? core.visitorSessions() : std::vector<core::VisitorSessionInfo>());
    });
    Array::Ptr rows = new Array;
    for (const core::OperatorSessionInfo& s : operators) {
        Object::Ptr row = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
        row->set("protocol", "nlchat");
        row->set("connection", static_cast<Poco::UInt64>(s.connection));
        row->set("username", s.username);
        row->set("address", s.address);
        row->set("since", static_cast<Poco::Int64>(s.since));
        row->set("status", std::string(s.username.empty() ? "not logged in" : statusName(s.status)));
        row->set("open_chats", static_cast<Poco::UInt64>(s.openChats));
        rows->add(row);
    }
    for (const ImsRow& s : ims) {
        Object::Ptr row = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
        row->set("protocol", "ims");
        row->set("connection", static_cast<Poco::UInt64>(s.info.connection));
        row->set("username", s.info.username);
        row->set("address", s.info.address);
        row->set("since", static_cast<Poco::Int64>(s.info.since));
        row->set("status", std::string(s.info.username.empty() ? "not logged in" : statusName(s.status)));
        row->set("open_chats", 0);
        rows->add(row);
    }
    for (const core::VisitorSessionInfo& s : visitors) {
        Object::Ptr row = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
        row->set("protocol", "visitor");
        row->set("connection", static_cast<Poco::UInt64>(s.connection));
        row->set("username", s.visitorId);
        row->set("name", s.name);
        row->set("address", s.address);
        row->set("since", static_cast<Poco::Int64>(s.since));
        row->set("status", std::string(s.visitorId.empty() ? "before hello"
                                       : s.banned           ? "unavailable"
                                       : s.conversation != 0 ? "chatting"
                                                             : "idle"));
        row->set("open_chats", s.conversation != 0 ? 1 : 0);
        rows->add(row);
    }
    Object::Ptr view = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
    view->set("sessions", rows);
    return view;
}

Object::Ptr ringsView(dispatch::Dispatcher& dispatcher)
{
    const auto [conversations, visitors] = dispatcher.ask([](const core::Core& core) {
        return std::make_tuple(core.liveConversations(), core.visitorConnectionCount());
    });
    Array::Ptr rows = new Array;
    std::size_t connected = 0;
    for (const core::ConversationInfo& c : conversations) {
        if (c.state == core::ConversationState::Connected) {
            ++connected;
            continue;
        }
        Object::Ptr row = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
        row->set("id", static_cast<Poco::Int64>(c.id));
        row->set("state", std::string(core::toString(c.state)));
        row->set("visitor", c.visitorId);
        row->set("visitor_name", c.visitorName);
        row->set("address", c.visitorAddress);
        row->set("page", c.page);
        row->set("since", static_cast<Poco::Int64>(c.since));
        row->set("operators_rung", static_cast<Poco::UInt64>(c.operatorsRung));
        row->set("operator", c.operatorUsername);
        rows->add(row);
    }
    Object::Ptr view = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
    view->set("conversations", rows);
    view->set("connected_chats", static_cast<Poco::UInt64>(connected));
    view->set("visitor_connections", static_cast<Poco::UInt64>(visitors));
    return view;
}

Object::Ptr visitorView(dispatch::Dispatcher& dispatcher, const std::string& visitorId)
{
    const auto [connections, refused, live] = dispatcher.ask([visitorId](const core::Core& core) {
        std::size_t open = 0;
        std::size_t banned = 0;
        for (const core::VisitorSessionInfo& s : core.visitorSessions()) {
            if (s.visitorId != visitorId)
                continue;
            ++open;
            banned += s.banned ? 1 : 0;
        }
        std::optional<core::ConversationInfo> conversation;
        for (const core::ConversationInfo& c : core.liveConversations())
            if (c.visitorId == visitorId)
                conversation = c;
        return std::make_tuple(open, banned, conversation);
    });
    Object::Ptr view = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
    view->set("visitor", visitorId);
    view->set("connections", static_cast<Poco::UInt64>(connections));
    view->set("refused_connections", static_cast<Poco::UInt64>(refused));
    view->set("conversation", static_cast<Poco::Int64>(live ? live->id : 0));
    view->set("state", std::string(live ? core::toString(live->state) : ""));
    view->set("operator", live ? live->operatorUsername : std::string());
    return view;
}

} // namespace ringdesk::admin_api
