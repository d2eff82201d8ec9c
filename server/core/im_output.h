#pragma once
// What the IM unit tells the IMS front-end to do (specs/ims-xml-protocol.txt). Kept apart from
// CoreOutput so the operator and visitor paths, and every CoreOutput fake, stay as they are;
// the runtime's ConnectionRegistry implements both.

#include "protocol/ims_document.h"
#include "server/core/core_output.h"

namespace ringdesk::core {

class ImOutput
{
public:
    virtual ~ImOutput() = default;
    /// Queues a server document for an IMS connection; unknown (gone) ids are ignored.
    /// Closing goes through CoreOutput::close, in order with what was queued.
    virtual void sendToIms(ConnectionId connection, const ims::ServerDocument& document) = 0;
};

} // namespace ringdesk::core
