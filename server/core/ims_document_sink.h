#pragma once
// What the IM unit tells the IMS front-end to do (specs/ims-xml-protocol.txt). Kept apart from
// ConnectionSink so the operator and visitor paths, and every ConnectionSink fake, stay as they are;
// the runtime's ConnectionRegistry implements both.

#include "protocol/ims_document.h"
#include "server/core/connection_sink.h"

namespace ringdesk::core {

class ImsDocumentSink
{
public:
    virtual ~ImsDocumentSink() = default;
    /// Queues a server document for an IMS connection; unknown (gone) ids are ignored.
    /// Closing goes through ConnectionSink::close, in order with what was queued.
    virtual void sendToIms(ConnectionId connection, const ims::ServerDocument& document) = 0;
};

} // namespace ringdesk::core
