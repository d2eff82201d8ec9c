#pragma once
// Front-end links (dispatch::OperatorLink, VisitorLink, ImsLink) that record what the core sent
// them and whether they were shut down, for tests of the registry, the dispatcher and the
// operator line handler without sockets.

#include "server/dispatch/connection_registry.h"

#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace ringdesk::test_support {

template <typename Item, typename Base>
class RecordingLink final : public Base
{
public:
    void deliver(const Item& item) override
    {
        std::lock_guard lock(mutex_);
        delivered_.push_back(item);
    }
    void shutdown(const std::string& reason) override
    {
        std::lock_guard lock(mutex_);
        shutdownReason_ = reason;
    }

    std::vector<Item> delivered() const
    {
        std::lock_guard lock(mutex_);
        return delivered_;
    }
    /// The reason of the shutdown; nullopt while the link was not shut down.
    std::optional<std::string> shutdownReason() const
    {
        std::lock_guard lock(mutex_);
        return shutdownReason_;
    }

private:
    mutable std::mutex mutex_;
    std::vector<Item> delivered_;
    std::optional<std::string> shutdownReason_;
};

using RecordingOperatorLink = RecordingLink<nlchat::Packet, dispatch::OperatorLink>;
using RecordingVisitorLink = RecordingLink<visitor::ServerMessage, dispatch::VisitorLink>;
using RecordingImsLink = RecordingLink<ims::ServerDocument, dispatch::ImsLink>;

} // namespace ringdesk::test_support
