#include "server/io/write_buffer.h"

#include <cppunit/extensions/HelperMacros.h>

#include <Poco/Exception.h>

#include <algorithm>

using ringdesk::io::WriteBuffer;

namespace {

/// A socket that accepts at most `room` bytes per call and `total` in all, recording them.
struct FakeSocket
{
    std::size_t room;
    std::size_t total;
    std::string received;
    int calls = 0;

    std::size_t write(const iovec* buffers, int count)
    {
        ++calls;
        std::size_t budget = std::min(room, total - received.size());
        std::size_t written = 0;
        for (int i = 0; i < count && budget > 0; ++i) {
            const std::size_t take = std::min(budget, buffers[i].iov_len);
            received.append(static_cast<const char*>(buffers[i].iov_base), take);
            budget -= take;
            written += take;
        }
        return written;
    }
    WriteBuffer::Writer writer()
    {
        return [this](const iovec* b, int c) { return write(b, c); };
    }
};

} // namespace

class WriteBufferTest : public CppUnit::TestFixture
{
    CPPUNIT_TEST_SUITE(WriteBufferTest);
    CPPUNIT_TEST(testWritesEverythingInOrder);
    CPPUNIT_TEST(testPartialWritesResumeMidChunk);
    CPPUNIT_TEST(testWouldBlockKeepsTheRest);
    CPPUNIT_TEST(testManyChunksSpanSeveralCalls);
    CPPUNIT_TEST(testErrorPropagates);
    CPPUNIT_TEST_SUITE_END();

public:
    void testWritesEverythingInOrder()
    {
        WriteBuffer buffer;
        buffer.append("one\n");
        buffer.append("");
        buffer.append("two\n");
        CPPUNIT_ASSERT_EQUAL(std::size_t{2}, buffer.chunks());
        CPPUNIT_ASSERT_EQUAL(std::size_t{8}, buffer.bytes());
        FakeSocket socket{1000, 1000, {}};
        CPPUNIT_ASSERT_EQUAL(std::size_t{2}, buffer.writeTo(socket.writer()));
        CPPUNIT_ASSERT_EQUAL(std::string("one\ntwo\n"), socket.received);
        CPPUNIT_ASSERT(buffer.empty());
        CPPUNIT_ASSERT_EQUAL(std::size_t{0}, buffer.bytes());
    }

    void testPartialWritesResumeMidChunk()
    {
        WriteBuffer buffer;
        buffer.append("abcdef");
        buffer.append("ghij");
        FakeSocket socket{4, 1000, {}}; // 4 bytes per call
        CPPUNIT_ASSERT_EQUAL(std::size_t{2}, buffer.writeTo(socket.writer()));
        CPPUNIT_ASSERT_EQUAL(std::string("abcdefghij"), socket.received);
        CPPUNIT_ASSERT_EQUAL(3, socket.calls);
    }

    void testWouldBlockKeepsTheRest()
    {
        WriteBuffer buffer;
        buffer.append("abcdef");
        buffer.append("ghij");
        FakeSocket socket{1000, 8, {}}; // then the socket is full
        CPPUNIT_ASSERT_EQUAL(std::size_t{1}, buffer.writeTo(socket.writer()));
        CPPUNIT_ASSERT_EQUAL(std::size_t{1}, buffer.chunks());
        CPPUNIT_ASSERT_EQUAL(std::size_t{2}, buffer.bytes());
        socket.total = 1000; // the peer read: writable again
        CPPUNIT_ASSERT_EQUAL(std::size_t{1}, buffer.writeTo(socket.writer()));
        CPPUNIT_ASSERT_EQUAL(std::string("abcdefghij"), socket.received);
        CPPUNIT_ASSERT(buffer.empty());
    }

    void testManyChunksSpanSeveralCalls()
    {
        WriteBuffer buffer;
        std::string expected;
        for (int i = 0; i < 200; ++i) {
            const std::string chunk = std::to_string(i) + ",";
            expected += chunk;
            buffer.append(chunk);
        }
        FakeSocket socket{100000, 100000, {}};
        CPPUNIT_ASSERT_EQUAL(std::size_t{200}, buffer.writeTo(socket.writer()));
        CPPUNIT_ASSERT_EQUAL(expected, socket.received);
        CPPUNIT_ASSERT(socket.calls >= 4); // at most 64 buffers per call
    }

    void testErrorPropagates()
    {
        WriteBuffer buffer;
        buffer.append("x");
        CPPUNIT_ASSERT_THROW(
            buffer.writeTo([](const iovec*, int) -> std::size_t { throw Poco::IOException("peer gone"); }),
            Poco::IOException);
        CPPUNIT_ASSERT_EQUAL(std::size_t{1}, buffer.chunks());
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(WriteBufferTest);
