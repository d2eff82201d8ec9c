#include "server/ims_endpoint/ims_link.h"

#include "server/io/socket_io.h"

#include <Poco/Exception.h>

namespace ringdesk::ims_endpoint {

ImsLinkImpl::ImsLinkImpl(Poco::Net::StreamSocket socket, std::size_t maxQueued)
    : socket_(std::move(socket)),
      queue_([this](const Outgoing& item) { write(item); },
             [this](const std::string&) { io::shutdownQuietly(socket_); }, maxQueued, "ims-writer")
{
}

ImsLinkImpl::~ImsLinkImpl() { queue_.stop(); }

void ImsLinkImpl::deliver(const ims::ServerDocument& document) { queue_.push(document); }

void ImsLinkImpl::deliverRaw(std::string bytes) { queue_.push(std::move(bytes)); }

void ImsLinkImpl::shutdown(const std::string&) { queue_.push(std::monostate{}); }

void ImsLinkImpl::finish() { queue_.stop(); }

void ImsLinkImpl::write(const Outgoing& item)
{
    if (std::holds_alternative<std::monostate>(item)) {
        io::shutdownQuietly(socket_);
        return;
    }
    // Documents go back to back with no separator, as the spec frames them.
    const std::string text = std::holds_alternative<std::string>(item)
                                 ? std::get<std::string>(item)
                                 : ims::serialize(std::get<ims::ServerDocument>(item));
    io::sendAll(socket_, text);
}

} // namespace ringdesk::ims_endpoint
