#include "server/dispatch/connection_registry.h"

#include <vector>

namespace ringdesk::dispatch {

void ConnectionRegistry::add(core::ConnectionId id, std::shared_ptr<OperatorLink> link)
{
    std::lock_guard lock(mutex_);
    operators_[id] = std::move(link);
}

void ConnectionRegistry::add(core::ConnectionId id, std::shared_ptr<VisitorLink> link)
{
    std::lock_guard lock(mutex_);
    visitors_[id] = std::move(link);
}

void ConnectionRegistry::add(core::ConnectionId id, std::shared_ptr<ImsLink> link)
{
    std::lock_guard lock(mutex_);
    ims_[id] = std::move(link);
}

void ConnectionRegistry::remove(core::ConnectionId id)
{
    std::lock_guard lock(mutex_);
    operators_.erase(id);
    visitors_.erase(id);
    ims_.erase(id);
}

void ConnectionRegistry::sendToIms(core::ConnectionId connection, const ims::ServerDocument& document)
{
    std::shared_ptr<ImsLink> link;
    {
        std::lock_guard lock(mutex_);
        const auto found = ims_.find(connection);
        if (found == ims_.end())
            return;
        link = found->second;
    }
    link->deliver(document);
}

void ConnectionRegistry::sendToOperator(core::ConnectionId connection, const nlchat::Packet& packet)
{
    std::shared_ptr<OperatorLink> link;
    {
        std::lock_guard lock(mutex_);
        const auto found = operators_.find(connection);
        if (found == operators_.end())
            return;
        link = found->second;
    }
    link->deliver(packet);
}

void ConnectionRegistry::sendToVisitor(core::ConnectionId connection, const visitor::ServerMessage& message)
{
    std::shared_ptr<VisitorLink> link;
    {
        std::lock_guard lock(mutex_);
        const auto found = visitors_.find(connection);
        if (found == visitors_.end())
            return;
        link = found->second;
    }
    link->deliver(message);
}

void ConnectionRegistry::close(core::ConnectionId connection, const std::string& reason)
{
    std::shared_ptr<OperatorLink> op;
    std::shared_ptr<VisitorLink> vis;
    std::shared_ptr<ImsLink> im;
    {
        std::lock_guard lock(mutex_);
        if (const auto found = operators_.find(connection); found != operators_.end())
            op = found->second;
        if (const auto found = visitors_.find(connection); found != visitors_.end())
            vis = found->second;
        if (const auto found = ims_.find(connection); found != ims_.end())
            im = found->second;
    }
    if (op)
        op->shutdown(reason);
    if (vis)
        vis->shutdown(reason);
    if (im)
        im->shutdown(reason);
}

void ConnectionRegistry::shutdownAll(const std::string& reason)
{
    std::vector<std::shared_ptr<OperatorLink>> ops;
    std::vector<std::shared_ptr<VisitorLink>> visitors;
    std::vector<std::shared_ptr<ImsLink>> ims;
    {
        std::lock_guard lock(mutex_);
        for (auto& [id, link] : operators_)
            ops.push_back(link);
        for (auto& [id, link] : visitors_)
            visitors.push_back(link);
        for (auto& [id, link] : ims_)
            ims.push_back(link);
    }
    for (auto& link : ims)
        link->shutdown(reason);
    for (auto& link : ops)
        link->shutdown(reason);
    for (auto& link : visitors)
        link->shutdown(reason);
}

} // namespace ringdesk::dispatch
