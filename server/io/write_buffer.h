#pragma once
// The bytes a non-blocking connection still has to write: a queue of chunks (one per packet or
// frame), written with scatter/gather I/O as far as the socket accepts them. One thread uses it
// (a connection's loop thread): the first to call owns it, which debug builds assert.

#include "server/io/thread_affinity.h"

#include <sys/uio.h>

#include <cstddef>
#include <deque>
#include <functional>
#include <string>

namespace ringdesk::io {

class WriteBuffer
{
public:
    /// Writes up to `count` buffers; returns the bytes written (> 0), or 0 when the socket
    /// would block. Throws (e.g. Poco::IOException) when the peer is gone.
    using Writer = std::function<std::size_t(const iovec* buffers, int count)>;

    /// Queues a chunk; an empty chunk is ignored.
    void append(std::string chunk);

    /// Writes queued bytes in order until all are written or `write` would block.
    /// Returns how many whole chunks left the buffer.
    std::size_t writeTo(const Writer& write);

    bool empty() const
    {
        affinity_.assertOnOwnerOrBind();
        return chunks_.empty();
    }
    /// Chunks not yet written completely.
    std::size_t chunks() const
    {
        affinity_.assertOnOwnerOrBind();
        return chunks_.size();
    }
    /// Bytes not yet written.
    std::size_t bytes() const
    {
        affinity_.assertOnOwnerOrBind();
        return bytes_;
    }

private:
    static constexpr int kMaxBuffersPerWrite = 64;
    std::deque<std::string> chunks_;
    std::size_t frontOffset_ = 0; // bytes of chunks_.front() already written
    std::size_t bytes_ = 0;
    mutable ThreadAffinity affinity_; // bound by the first call
};

} // namespace ringdesk::io
