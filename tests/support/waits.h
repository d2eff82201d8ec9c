#pragma once
// Waiting with deadlines, never with sleeps (CONVENTIONS.md, practice 9): each helper returns
// the first packet, message or event of the wanted type that satisfies a predicate, skipping
// others, and throws std::runtime_error naming what it waited for and what it skipped when
// the deadline passes first.

#include "operator-client/session/nlchat_client.h"
#include "operator-client/session/operator_engine.h"
#include "support/visitor_client.h"

#include <algorithm>
#include <chrono>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <typeinfo>
#include <variant>

namespace ringdesk::integration {

/// Deadline for anything a test waits for: generous, because 2 shared cores may be busy; a
/// passing test never waits for it.
inline constexpr std::chrono::milliseconds kDeadline{20000};

std::string describe(const nlchat::Packet& packet);
std::string describe(const visitor::ServerMessage& message);
std::string describe(const operator_client::Event& event);
/// A readable name of type T, for failure messages.
std::string demangle(const char* mangledName);

namespace detail {

using Clock = std::chrono::steady_clock;

/// Appends a skipped item to the failure message, keeping it short.
inline void noteSkipped(std::string& skipped, const std::string& what)
{
    if (skipped.size() < 2000)
        skipped += "\n  skipped: " + what.substr(0, 300);
}

[[noreturn]] inline void timedOut(const std::string& what, std::chrono::milliseconds timeout,
                                  const std::string& skipped)
{
    throw std::runtime_error("no " + what + " within " + std::to_string(timeout.count()) + " ms" + skipped);
}

/// `value` as a T: one alternative of the variant, or the whole variant when T is its type.
template <class T, class Variant>
const T* as(const Variant& value)
{
    if constexpr (std::is_same_v<T, Variant>)
        return &value;
    else
        return std::get_if<T>(&value);
}

inline std::chrono::milliseconds left(Clock::time_point deadline)
{
    return std::max(std::chrono::milliseconds(0),
                    std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()));
}

} // namespace detail

/// The first packet of type T (one packet struct, or nlchat::Packet for any) for which
/// `accept(packet)` is true.
template <class T, class Predicate>
T awaitPacket(operator_client::NlchatClient& connection, Predicate accept,
              std::chrono::milliseconds timeout = kDeadline)
{
    const auto deadline = detail::Clock::now() + timeout;
    std::string skipped;
    while (detail::Clock::now() < deadline) {
        std::optional<nlchat::Packet> packet = connection.receive(detail::left(deadline));
        if (!packet)
            continue;
        if (const T* wanted = detail::as<T>(*packet); wanted && accept(*wanted))
            return *wanted;
        detail::noteSkipped(skipped, describe(*packet));
    }
    detail::timedOut(demangle(typeid(T).name()) + " packet", timeout, skipped);
}

template <class T>
T awaitPacket(operator_client::NlchatClient& connection, std::chrono::milliseconds timeout = kDeadline)
{
    return awaitPacket<T>(
        connection, [](const T&) { return true; }, timeout);
}

/// The first visitor message of type T (one message struct, or visitor::ServerMessage for
/// any) for which `accept(message)` is true.
template <class T, class Predicate>
T awaitMessage(VisitorClient& visitor, Predicate accept, std::chrono::milliseconds timeout = kDeadline)
{
    const auto deadline = detail::Clock::now() + timeout;
    std::string skipped;
    while (detail::Clock::now() < deadline) {
        std::optional<visitor::ServerMessage> message = visitor.receive(detail::left(deadline));
        if (!message)
            continue;
        if (const T* wanted = detail::as<T>(*message); wanted && accept(*wanted))
            return *wanted;
        detail::noteSkipped(skipped, describe(*message));
    }
    detail::timedOut(demangle(typeid(T).name()) + " visitor message", timeout, skipped);
}

template <class T>
T awaitMessage(VisitorClient& visitor, std::chrono::milliseconds timeout = kDeadline)
{
    return awaitMessage<T>(
        visitor, [](const T&) { return true; }, timeout);
}

/// Whether awaitEvent() may pass over connection losses (while a server restarts).
enum class Losses
{
    Fail,
    Skip
};

/// The first session event of type T for which `accept(event)` is true. Unless `losses` is
/// Skip, a ConnectionLost or LoginFailed that is not awaited fails at once.
template <class T, class Predicate>
T awaitEvent(operator_client::OperatorEngine& session, Predicate accept,
             std::chrono::milliseconds timeout = kDeadline, Losses losses = Losses::Fail)
{
    const auto deadline = detail::Clock::now() + timeout;
    std::string skipped;
    while (detail::Clock::now() < deadline) {
        std::optional<operator_client::Event> event = session.waitEvent(detail::left(deadline));
        if (!event)
            continue;
        if (const T* wanted = std::get_if<T>(&*event); wanted && accept(*wanted))
            return *wanted;
        if (losses == Losses::Fail && (std::holds_alternative<operator_client::ConnectionLost>(*event) ||
                                       std::holds_alternative<operator_client::LoginFailed>(*event)))
            throw std::runtime_error("waiting for " + demangle(typeid(T).name()) + ", got " + describe(*event) +
                                     skipped);
        detail::noteSkipped(skipped, describe(*event));
    }
    detail::timedOut(demangle(typeid(T).name()) + " event", timeout, skipped);
}

template <class T>
T awaitEvent(operator_client::OperatorEngine& session, std::chrono::milliseconds timeout = kDeadline,
             Losses losses = Losses::Fail)
{
    return awaitEvent<T>(
        session, [](const T&) { return true; }, timeout, losses);
}

} // namespace ringdesk::integration
