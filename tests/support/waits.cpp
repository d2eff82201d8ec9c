#include "support/waits.h"

#include <cxxabi.h>

#include <cstdlib>
#include <memory>

namespace ringdesk::integration {

std::string demangle(const char* mangledName)
{
    int status = 0;
    const std::unique_ptr<char, void (*)(void*)> name(abi::__cxa_demangle(mangledName, nullptr, nullptr, &status),
                                                      std::free);
    return status == 0 && name ? std::string(name.get()) : std::string(mangledName);
}

std::string describe(const nlchat::Packet& packet) { return nlchat::encode(packet); }

std::string describe(const visitor::ServerMessage& message) { return visitor::encodeServer(message); }

std::string describe(const operator_client::Event& event)
{
    using namespace operator_client;
    std::string name = std::visit([](const auto& e) { return demangle(typeid(e).name()); }, event);
    if (const auto* e = std::get_if<MessageReceived>(&event))
        name += " chat " + std::to_string(e->chatId) + " seq " + std::to_string(e->seq) + " '" + e->text + "'";
    else if (const auto* lost = std::get_if<ConnectionLost>(&event))
        name += " '" + lost->reason + "'" +
                (lost->retryIn ? " retry in " + std::to_string(lost->retryIn->count()) + " ms" : "");
    else if (const auto* error = std::get_if<ErrorReceived>(&event))
        name += " " + error->code + " '" + error->message + "' ref " + error->ref;
    else if (const auto* failed = std::get_if<LoginFailed>(&event))
        name += " result " + std::to_string(failed->result);
    else if (const auto* won = std::get_if<RingWon>(&event))
        name += " " + std::to_string(won->id) + (won->resumed ? " resumed" : "");
    else if (const auto* ring = std::get_if<RingOffered>(&event))
        name += " " + std::to_string(ring->ring.id);
    else if (const auto* team = std::get_if<TeamMessageReceived>(&event))
        name += " from " + team->from + " '" + team->text + "'" + (team->offline ? " offline" : "");
    else if (const auto* change = std::get_if<ColleagueStatusChanged>(&event))
        name += " " + change->username + " " + std::to_string(change->status);
    else if (const auto* result = std::get_if<ColleagueCommandResult>(&event))
        name += " " + std::to_string(static_cast<int>(result->action)) + " " + result->username +
                (result->done ? " done" : " not done");
    return name;
}

} // namespace ringdesk::integration
