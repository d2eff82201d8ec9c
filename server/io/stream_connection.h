#pragma once
// One non-blocking TCP connection driven by an EventLoop: reads whatever arrives and hands it to
// the protocol (onBytes), keeps what is to be written in a bounded WriteBuffer, and closes
// exactly once. Subclasses add the protocol: framing in onBytes, and the typed send queue that
// the dispatcher fills from its own thread (drained into bytes in flushSendQueue on the loop).
//
// Back-pressure (ARCHITECTURE.md, "a slow consumer is disconnected"): at most maxQueued items
// (queued by the dispatcher, or chunks not yet written) wait for one peer; one more closes it.

#include "server/io/event_loop.h"
#include "server/io/send_queue.h"
#include "server/io/write_buffer.h"

#include <Poco/Net/StreamSocket.h>

#include <atomic>
#include <chrono>
#include <cstddef>
#include <memory>
#include <string>
#include <utility>

namespace ringdesk::io {

class StreamConnection : public EventLoop::Handler, public std::enable_shared_from_this<StreamConnection>
{
public:
    /// `idleTimeout` 0: never closed for silence.
    StreamConnection(EventLoop& loop, Poco::Net::StreamSocket socket, std::size_t maxQueued,
                     std::chrono::milliseconds idleTimeout);
    ~StreamConnection() override;

    /// Makes the socket non-blocking and starts watching it (any thread; once, after
    /// construction through std::make_shared). `pending` are bytes already read from the
    /// socket by someone else (an HTTP handshake); they are handled first.
    void open(std::string pending = {});

    void onReady(std::uint32_t events) final;
    void onTick(EventLoop::TimePoint now) final;
    void onLoopStop() final;

protected:
    EventLoop& loop() { return loop_; }
    const Poco::Net::StreamSocket& socket() const { return socket_; }

    // --- any thread ---
    /// True while another item may be queued for this peer given `queuedItems` in the
    /// subclass's queue (items already turned into bytes are counted here).
    bool hasRoomFor(std::size_t queuedItems) const { return queuedItems + outputChunks_ < maxQueued_; }
    /// Asks the loop to call flushSendQueue() soon; calls made before it runs are coalesced.
    void requestFlush();
    /// Closes from another thread (the send queue overflowed).
    void closeFromOutside(const std::string& reason);
    /// Offers `item` to the subclass's `outbox` within this connection's bound: then a flush is
    /// requested, or on overflow the connection is closed ("send queue overflow").
    template <typename Item>
    void offerFromOutside(SendQueue<Item>& outbox, Item item)
    {
        switch (outbox.offer(std::move(item), [this](std::size_t queued) { return hasRoomFor(queued); })) {
        case SendQueue<Item>::Offer::kQueued:
            requestFlush();
            break;
        case SendQueue<Item>::Offer::kOverflowed:
            closeFromOutside("send queue overflow");
            break;
        case SendQueue<Item>::Offer::kRefused:
            break;
        }
    }

    // --- loop thread (asserted in debug builds: EventLoop::assertInLoopThread) ---
    /// Queues bytes to write; they are written when the current callback returns.
    void queueBytes(std::string bytes);
    /// Stops reading; closes once everything queued (flushSendQueue() included) was written, or
    /// after a few seconds when the peer does not read.
    void closeAfterWrite(const std::string& reason);
    /// Closes now; what is not written yet is lost.
    void closeNow(const std::string& reason);
    /// Stops and restarts reading (a subclass's input backlog).
    void pauseReading();
    void resumeReading();
    bool isOpen() const
    {
        loop_.assertInLoopThread();
        return state_ == State::kOpen;
    }

    /// Bytes received (loop thread).
    virtual void onBytes(const char* data, std::size_t size) = 0;
    /// Turns the subclass's queued items into bytes with queueBytes() (loop thread).
    virtual void flushSendQueue() = 0;
    /// Called once, on the loop thread, when the connection closed, with the reason.
    virtual void onClosed(const std::string& reason) = 0;
    /// The peer was silent for idleTimeout; the default closes at once.
    virtual void onIdleTimeout() { closeNow("idle timeout"); }

private:
    enum class State
    {
        kOpen,
        kClosing,
        kClosed
    };
    void readAvailable();
    void writePending();
    void updateInterest();
    std::size_t sendSome(const iovec* buffers, int count);

    EventLoop& loop_;
    Poco::Net::StreamSocket socket_;
    const int fd_;
    const std::size_t maxQueued_;
    const std::chrono::milliseconds idleTimeout_;
    std::atomic<std::size_t> outputChunks_{0};
    std::atomic<bool> flushRequested_{false};
    // Loop thread only:
    WriteBuffer output_;
    State state_ = State::kOpen;
    bool watched_ = false; // registered with the loop (open() ran)
    bool reading_ = true;
    bool writeInterest_ = false;
    std::string closeReason_;
    EventLoop::TimePoint lastInput_;
    EventLoop::TimePoint closingSince_;
};

} // namespace ringdesk::io
