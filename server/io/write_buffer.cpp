#include "server/io/write_buffer.h"

#include <array>

namespace ringdesk::io {

void WriteBuffer::append(std::string chunk)
{
    affinity_.assertOnOwnerOrBind();
    if (chunk.empty())
        return;
    bytes_ += chunk.size();
    chunks_.push_back(std::move(chunk));
}

std::size_t WriteBuffer::writeTo(const Writer& write)
{
    affinity_.assertOnOwnerOrBind();
    std::size_t completed = 0;
    while (!chunks_.empty()) {
        std::array<iovec, kMaxBuffersPerWrite> buffers{};
        int count = 0;
        for (auto it = chunks_.begin(); it != chunks_.end() && count < kMaxBuffersPerWrite; ++it, ++count) {
            const std::size_t skip = count == 0 ? frontOffset_ : 0;
            buffers[count].iov_base = it->data() + skip;
            buffers[count].iov_len = it->size() - skip;
        }
        std::size_t written = write(buffers.data(), count);
        if (written == 0)
            return completed;
        bytes_ -= written;
        while (written > 0) {
            const std::size_t left = chunks_.front().size() - frontOffset_;
            if (written < left) {
                frontOffset_ += written;
                break;
            }
            written -= left;
            chunks_.pop_front();
            frontOffset_ = 0;
            ++completed;
        }
    }
    return completed;
}

} // namespace ringdesk::io
