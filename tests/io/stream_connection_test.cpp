#include "server/io/stream_connection.h"

#include <cppunit/extensions/HelperMacros.h>

#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/Net/StreamSocket.h>

#include <future>
#include <mutex>

using ringdesk::io::EventLoop;
using ringdesk::io::StreamConnection;

namespace {

/// Echoes what it receives; the test thread queues more with send(); "close" in the input
/// queues "bye\n" and closes after writing it.
class EchoConnection final : public StreamConnection
{
public:
    EchoConnection(EventLoop& loop, Poco::Net::StreamSocket socket, std::size_t maxQueued)
        : StreamConnection(loop, std::move(socket), maxQueued, std::chrono::milliseconds(0))
    {
    }

    /// Any thread; false (and the connection closes) when the queue bound is exceeded.
    bool send(std::string bytes)
    {
        {
            std::lock_guard lock(mutex_);
            if (!hasRoomFor(outbox_.size())) {
                closeFromOutside("send queue overflow");
                return false;
            }
            outbox_.push_back(std::move(bytes));
        }
        requestFlush();
        return true;
    }

    std::future<std::string> closed() { return closed_.get_future(); }

private:
    void onBytes(const char* data, std::size_t size) override
    {
        const std::string text(data, size);
        if (text.find("close") != std::string::npos) {
            queueBytes("bye\n");
            closeAfterWrite("asked to close");
            return;
        }
        queueBytes(text);
    }
    void flushSendQueue() override
    {
        std::vector<std::string> items;
        {
            std::lock_guard lock(mutex_);
            items.swap(outbox_);
        }
        for (std::string& item : items)
            queueBytes(std::move(item));
    }
    void onClosed(const std::string& reason) override { closed_.set_value(reason); }

    std::mutex mutex_;
    std::vector<std::string> outbox_;
    std::promise<std::string> closed_;
};

/// A loop, a listening socket and one accepted connection with its client end.
struct Fixture
{
    explicit Fixture(std::size_t maxQueued) : loop("test-loop")
    {
        loop.start();
        Poco::Net::ServerSocket listener(Poco::Net::SocketAddress("127.0.0.1", 0));
        client.connect(listener.address());
        connection = std::make_shared<EchoConnection>(loop, listener.acceptConnection(), maxQueued);
        connection->open();
        client.setReceiveTimeout(Poco::Timespan(30, 0));
    }
    ~Fixture() { loop.stop(); }

    std::string receiveAtLeast(std::size_t bytes)
    {
        std::string received;
        char buffer[4096];
        while (received.size() < bytes) {
            const int n = client.receiveBytes(buffer, sizeof buffer);
            if (n <= 0)
                break;
            received.append(buffer, static_cast<std::size_t>(n));
        }
        return received;
    }

    EventLoop loop;
    Poco::Net::StreamSocket client;
    std::shared_ptr<EchoConnection> connection;
};

} // namespace

class StreamConnectionTest : public CppUnit::TestFixture
{
    CPPUNIT_TEST_SUITE(StreamConnectionTest);
    CPPUNIT_TEST(testEchoAndQueuedSend);
    CPPUNIT_TEST(testCloseAfterWriteDeliversFirst);
    CPPUNIT_TEST(testPeerCloseIsReported);
    CPPUNIT_TEST(testSlowConsumerIsDisconnected);
    CPPUNIT_TEST(testStopJoinsALoopWhoseThreadIsEnding);
    CPPUNIT_TEST_SUITE_END();

public:
    // Regression (found by ThreadSanitizer): stop() skipped the join once Poco's isRunning() had
    // turned false in the thread's last steps, so the loop was freed while its thread still ran.
    void testStopJoinsALoopWhoseThreadIsEnding()
    {
        for (int i = 0; i < 20; ++i) {
            EventLoop loop("test-loop");
            loop.start();
            std::promise<void> ran;
            loop.post([&ran] { ran.set_value(); });
            ran.get_future().wait();
            loop.stop();
            loop.stop(); // idempotent: nothing left to join
        }
    }

    void testEchoAndQueuedSend()
    {
        Fixture f(100);
        f.client.sendBytes("hello\n", 6);
        CPPUNIT_ASSERT_EQUAL(std::string("hello\n"), f.receiveAtLeast(6));
        CPPUNIT_ASSERT(f.connection->send("from the core\n"));
        CPPUNIT_ASSERT_EQUAL(std::string("from the core\n"), f.receiveAtLeast(14));
    }

    void testCloseAfterWriteDeliversFirst()
    {
        Fixture f(100);
        auto closed = f.connection->closed();
        f.client.sendBytes("close\n", 6);
        CPPUNIT_ASSERT_EQUAL(std::string("bye\n"), f.receiveAtLeast(100)); // then end of stream
        CPPUNIT_ASSERT_EQUAL(std::string("asked to close"), closed.get());
    }

    void testPeerCloseIsReported()
    {
        Fixture f(100);
        auto closed = f.connection->closed();
        f.client.close();
        CPPUNIT_ASSERT_EQUAL(std::string("closed by peer"), closed.get());
    }

    void testSlowConsumerIsDisconnected()
    {
        // The client never reads: once the kernel buffers are full, queued chunks pile up
        // until the bound (8) is passed and the connection is closed.
        Fixture f(8);
        auto closed = f.connection->closed();
        const std::string chunk(1 << 20, 'x');
        bool refused = false;
        for (int i = 0; i < 1000 && !refused; ++i)
            refused = !f.connection->send(chunk);
        CPPUNIT_ASSERT(refused);
        CPPUNIT_ASSERT_EQUAL(std::string("send queue overflow"), closed.get());
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(StreamConnectionTest);
