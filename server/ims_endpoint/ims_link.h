#pragma once
// The send side of an IMS connection: the echo of each client document (its exact bytes,
// specs/ims-xml-protocol.txt N.B.), error documents and the core's server documents, written in
// the order they were queued by the connection's own writer thread (io::WriterThread).

#include "server/dispatch/connection_registry.h"
#include "server/io/writer_thread.h"

#include <Poco/Net/StreamSocket.h>

#include <string>
#include <variant>

namespace ringdesk::ims_endpoint {

class ImsLinkImpl final : public dispatch::ImsLink
{
public:
    /// `socket` is shared with the reading thread; at most `maxQueued` items wait to be written
    /// before the peer is dropped as too slow.
    ImsLinkImpl(Poco::Net::StreamSocket socket, std::size_t maxQueued);
    ~ImsLinkImpl() override;

    void deliver(const ims::ServerDocument& document) override;
    void shutdown(const std::string& reason) override;

    /// Queues bytes as they are (the echo of a client document, an error document).
    void deliverRaw(std::string bytes);
    /// Stops the writer after what is queued (the reading thread is ending).
    void finish();

private:
    // std::monostate: close the connection here; a string: raw bytes; a document: serialize it.
    using Outgoing = std::variant<std::monostate, std::string, ims::ServerDocument>;
    void write(const Outgoing& item);

    Poco::Net::StreamSocket socket_;
    io::WriterThread<Outgoing> queue_;
};

} // namespace ringdesk::ims_endpoint
