#include "protocol/wire_constants.h"

#include "protocol/chat_state.h"
#include "protocol/friend_result.h"
#include "protocol/limits.h"
#include "protocol/login_result.h"
#include "protocol/message_result.h"
#include "protocol/protocol_error.h"
#include "protocol/user_status.h"
#include "protocol/visitor_message.h"

#include <array>
#include <cstdint>
#include <initializer_list>
#include <string_view>
#include <utility>
#include <vector>

namespace ringdesk::protocol {

namespace {

// A JSON writer for this one document: names and values here are plain ASCII without quotes
// or backslashes, so no escaping is needed, and a hand-written layout stays the same whatever
// the JSON library's formatting does.
class Writer
{
public:
    void open(std::string_view key, char bracket)
    {
        member(key);
        out_ += bracket;
        first_.push_back(true);
    }
    void close(char bracket)
    {
        first_.pop_back();
        out_ += '\n';
        indent();
        out_ += bracket;
    }
    void string(std::string_view key, std::string_view value)
    {
        member(key);
        out_ += '"';
        out_ += value;
        out_ += '"';
    }
    void number(std::string_view key, std::int64_t value)
    {
        member(key);
        out_ += std::to_string(value);
    }
    template <std::size_t N>
    void strings(std::string_view key, const std::array<const char*, N>& values)
    {
        open(key, '[');
        for (const char* value : values)
            string({}, value);
        close(']');
    }
    std::string finish() { return std::move(out_) + '\n'; }

private:
    // Starts a member (`key` non-empty, inside an object) or an element (inside an array, or
    // the document itself when nothing is open).
    void member(std::string_view key)
    {
        if (!first_.empty()) {
            if (!first_.back())
                out_ += ',';
            first_.back() = false;
            out_ += '\n';
            indent();
        }
        if (!key.empty()) {
            out_ += '"';
            out_ += key;
            out_ += "\": ";
        }
    }
    void indent() { out_.append(2 * first_.size(), ' '); }

    std::string out_;
    std::vector<bool> first_; // per open bracket: nothing written in it yet
};

template <typename Enum>
void result(Writer& w, std::string_view key, std::initializer_list<std::pair<const char*, Enum>> values)
{
    w.open(key, '{');
    for (const auto& [name, value] : values)
        w.number(name, static_cast<std::int64_t>(value));
    w.close('}');
}

} // namespace

std::string wireConstantsJson()
{
    Writer w;
    w.open({}, '{');
    w.string("generated", "by print_wire_constants from protocol/*.h; do not edit by hand");

    w.open("visitor", '{');
    w.string("web_socket_path", visitor::kWebSocketPath);
    w.strings("client_types", visitor::kClientTypes);
    w.strings("server_types", visitor::kServerTypes);
    w.strings("states", visitor::kStates);
    w.strings("typing_states", visitor::kVisitorTypingStates);
    w.strings("senders", visitor::kSenders);
    w.strings("error_codes", visitor::kErrorCodes);
    w.close('}');

    w.strings("error_codes", error_code::kAll);
    w.strings("chat_states", chat_state::kAll);

    w.open("limits", '{');
    w.number("kMaxOperatorLineBytes", static_cast<std::int64_t>(limits::kMaxOperatorLineBytes));
    w.number("kMaxMessageTextBytes", static_cast<std::int64_t>(limits::kMaxMessageTextBytes));
    w.number("kMaxVisitorFrameBytes", static_cast<std::int64_t>(limits::kMaxVisitorFrameBytes));
    w.number("kMaxVisitorNameBytes", static_cast<std::int64_t>(limits::kMaxVisitorNameBytes));
    w.number("kMaxVisitorPageBytes", static_cast<std::int64_t>(limits::kMaxVisitorPageBytes));
    w.number("kMaxImsDocumentBytes", static_cast<std::int64_t>(limits::kMaxImsDocumentBytes));
    w.number("kMaxUsernameBytes", static_cast<std::int64_t>(limits::kMaxUsernameBytes));
    w.number("kMaxPasswordBytes", static_cast<std::int64_t>(limits::kMaxPasswordBytes));
    w.number("kMaxPublicKeyPemBytes", static_cast<std::int64_t>(limits::kMaxPublicKeyPemBytes));
    w.number("kMaxRawBlocks", static_cast<std::int64_t>(limits::kMaxRawBlocks));
    w.close('}');

    w.open("user_status", '{');
    w.number("kUnknown", user_status::kUnknown);
    for (int status : {user_status::kOnline, user_status::kAway, user_status::kBusy, user_status::kOffline})
        w.number(*userStatusName(status), status);
    w.close('}');

    result<LoginResult>(w, "login_result",
                        {{"kWrongCredentials", LoginResult::kWrongCredentials},
                         {"kOk", LoginResult::kOk},
                         {"kBanned", LoginResult::kBanned}});
    result<MessageResult>(w, "message_result",
                          {{"kRecipientOffline", MessageResult::kRecipientOffline},
                           {"kNoSuchUser", MessageResult::kNoSuchUser},
                           {"kDelivered", MessageResult::kDelivered}});
    result<FriendResult>(w, "friend_result", {{"kFailed", FriendResult::kFailed}, {"kDone", FriendResult::kDone}});

    w.close('}');
    return w.finish();
}

} // namespace ringdesk::protocol
