#pragma once
// Live connections by id, shared by the front-ends (which register and unregister them on
// their own threads) and the dispatcher (which delivers the core's output to them).

#include "server/core/connection_sink.h"
#include "server/core/ims_document_sink.h"

#include <atomic>
#include <map>
#include <memory>
#include <mutex>
#include <string>

namespace ringdesk::dispatch {

/// The front-end side of an operator connection.
class OperatorLink
{
public:
    virtual ~OperatorLink() = default;
    /// Queues a packet (any thread, never blocks); encoding (plain or RSA) happens on the
    /// connection's event loop (plain TCP) or writer thread (TLS).
    virtual void deliver(const nlchat::Packet& packet) = 0;
    /// Closes the connection after what is queued was written.
    virtual void shutdown(const std::string& reason) = 0;
};

/// The front-end side of a visitor WebSocket.
class VisitorLink
{
public:
    virtual ~VisitorLink() = default;
    virtual void deliver(const visitor::ServerMessage& message) = 0;
    virtual void shutdown(const std::string& reason) = 0;
};

/// The front-end side of an IMS connection (server/ims_endpoint/).
class ImsLink
{
public:
    virtual ~ImsLink() = default;
    /// Queues a server document; serialization happens on the connection's writer thread.
    virtual void deliver(const ims::ServerDocument& document) = 0;
    /// Closes the connection after what is queued was written.
    virtual void shutdown(const std::string& reason) = 0;
};

class ConnectionRegistry final : public core::ConnectionSink, public core::ImsDocumentSink
{
public:
    /// A process-wide unique id for a new connection (never 0, never reused).
    core::ConnectionId nextId() { return ++lastId_; }

    void add(core::ConnectionId id, std::shared_ptr<OperatorLink> link);
    void add(core::ConnectionId id, std::shared_ptr<VisitorLink> link);
    void add(core::ConnectionId id, std::shared_ptr<ImsLink> link);
    void remove(core::ConnectionId id);

    // core::ConnectionSink: unknown ids (already gone) are ignored.
    void sendToOperator(core::ConnectionId connection, const nlchat::Packet& packet) override;
    void sendToVisitor(core::ConnectionId connection, const visitor::ServerMessage& message) override;
    void close(core::ConnectionId connection, const std::string& reason) override;
    // core::ImsDocumentSink
    void sendToIms(core::ConnectionId connection, const ims::ServerDocument& document) override;

    /// Asks every connection to close (server shutdown).
    void shutdownAll(const std::string& reason);

private:
    std::mutex mutex_;
    std::map<core::ConnectionId, std::shared_ptr<OperatorLink>> operators_;
    std::map<core::ConnectionId, std::shared_ptr<VisitorLink>> visitors_;
    std::map<core::ConnectionId, std::shared_ptr<ImsLink>> ims_;
    std::atomic<core::ConnectionId> lastId_{0};
};

} // namespace ringdesk::dispatch
