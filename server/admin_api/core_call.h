#pragma once
// Runs an admin action on the dispatcher thread (the single writer) and waits for its result.

#include "server/dispatch/dispatcher.h"

#include <exception>
#include <future>
#include <memory>
#include <utility>

namespace ringdesk::admin_api {

/// Posts `action(core)` to the dispatcher and returns its result, rethrowing what it threw.
/// It returns only after the batch that ran the action was committed and its output handed to
/// the connections (Dispatcher::afterDelivery): an admin tool that got its answer knows that
/// the logout or ban is on its way to the sockets.
template <typename F>
auto callOnCore(dispatch::Dispatcher& dispatcher, F action) -> decltype(action(std::declval<core::Core&>()))
{
    using Result = decltype(action(std::declval<core::Core&>()));
    auto promise = std::make_shared<std::promise<Result>>();
    std::future<Result> result = promise->get_future();
    dispatcher.post([promise, action = std::move(action)](core::Core& core) mutable {
        try {
            promise->set_value(action(core));
        } catch (...) {
            promise->set_exception(std::current_exception()); // rethrown to the caller below
        }
    });
    Result value = result.get();
    auto flushed = std::make_shared<std::promise<void>>();
    std::future<void> barrier = flushed->get_future();
    dispatcher.afterDelivery([flushed] { flushed->set_value(); });
    barrier.get();
    return value;
}

} // namespace ringdesk::admin_api
