#include "server/operator_endpoint/operator_link.h"

#include "server/runtime/socket_io.h"

namespace ringdesk::operator_endpoint {

OperatorLinkImpl::OperatorLinkImpl(Poco::Net::StreamSocket socket, std::size_t maxQueuedPackets)
    : socket_(std::move(socket)),
      queue_([this](const Outgoing& item) { write(item); },
             [this](const std::string&) { runtime::shutdownQuietly(socket_); },
             maxQueuedPackets, "operator-writer")
{
}

OperatorLinkImpl::~OperatorLinkImpl() { queue_.stop(); }

void OperatorLinkImpl::deliver(const nlchat::Packet& packet) { queue_.push(packet); }

void OperatorLinkImpl::shutdown(const std::string&)
{
    queue_.push(std::nullopt);
}

void OperatorLinkImpl::finish() { queue_.stop(); }

void OperatorLinkImpl::write(const Outgoing& item)
{
    if (!item) {
        runtime::shutdownQuietly(socket_);
        return;
    }
    runtime::sendAll(socket_, form_.encode(*item));
}

} // namespace ringdesk::operator_endpoint
