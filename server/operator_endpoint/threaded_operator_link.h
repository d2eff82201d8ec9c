#pragma once
// The send side of a threaded operator connection (the TLS endpoint): a writer thread writes
// each packet in the client's answer form (answer_form.h).

#include "server/dispatch/connection_registry.h"
#include "server/io/writer_thread.h"
#include "server/operator_endpoint/packet_encoder.h"

#include <Poco/Net/StreamSocket.h>

#include <optional>
#include <string>

namespace ringdesk::operator_endpoint {

class ThreadedOperatorLink final : public dispatch::OperatorLink
{
public:
    /// `socket` is shared with the reading thread (POCO sockets are reference-counted handles).
    ThreadedOperatorLink(Poco::Net::StreamSocket socket, std::size_t maxQueuedPackets);
    ~ThreadedOperatorLink() override;

    void deliver(const nlchat::Packet& packet) override;
    void shutdown(const std::string& reason) override;

    /// How answers are written; the reading thread records the client's key and form in it.
    PacketEncoder& form() { return form_; }
    /// Stops the writer after what is queued (the reading thread is ending).
    void finish();

private:
    // A packet to write, or std::nullopt: close the connection here.
    using Outgoing = std::optional<nlchat::Packet>;
    void write(const Outgoing& item);

    Poco::Net::StreamSocket socket_;
    PacketEncoder form_;
    io::WriterThread<Outgoing> queue_;
};

} // namespace ringdesk::operator_endpoint
