#include "server/operator_endpoint/threaded_operator_link.h"

#include "server/io/socket_io.h"

namespace ringdesk::operator_endpoint {

ThreadedOperatorLink::ThreadedOperatorLink(Poco::Net::StreamSocket socket, std::size_t maxQueuedPackets)
    : socket_(socket),
      queue_([this](const Outgoing& item) { write(item); },
             [this](const std::string&) { io::shutdownQuietly(socket_); }, maxQueuedPackets, "operator-writer")
{
}

ThreadedOperatorLink::~ThreadedOperatorLink() { queue_.stop(); }

void ThreadedOperatorLink::deliver(const nlchat::Packet& packet) { queue_.push(packet); }

void ThreadedOperatorLink::shutdown(const std::string&) { queue_.push(std::nullopt); }

void ThreadedOperatorLink::finish() { queue_.stop(); }

void ThreadedOperatorLink::write(const Outgoing& item)
{
    if (!item) {
        io::shutdownQuietly(socket_);
        return;
    }
    io::sendAll(socket_, form_.encode(*item));
}

} // namespace ringdesk::operator_endpoint
