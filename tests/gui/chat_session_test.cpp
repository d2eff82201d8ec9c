#include "operator-client/app/chat_session.h"
#include "operator-client/app/transcript.h"

#include <cppunit/extensions/HelperMacros.h>

namespace ringdesk::operator_app {
namespace {

class ChatSessionTest : public CppUnit::TestFixture
{
    CPPUNIT_TEST_SUITE(ChatSessionTest);
    CPPUNIT_TEST(testUnreadMarksTab);
    CPPUNIT_TEST(testTypingNotice);
    CPPUNIT_TEST(testEndedTab);
    CPPUNIT_TEST(testTranscriptLine);
    CPPUNIT_TEST_SUITE_END();

public:
    void testUnreadMarksTab()
    {
        ChatSession chat(4, "Bob", "https://shop.example/");
        chat.messageArrived(false);
        chat.messageArrived(false);
        chat.messageArrived(true); // seen as it arrived: not unread
        CPPUNIT_ASSERT_EQUAL(2, chat.unread());
        CPPUNIT_ASSERT_EQUAL(std::string("\u2022 Bob (2)"), chat.tabTitle());
        chat.viewed();
        CPPUNIT_ASSERT_EQUAL(std::string("Bob"), chat.tabTitle());
    }

    void testTypingNotice()
    {
        ChatSession chat(4, "", "");
        chat.visitorState("composing");
        CPPUNIT_ASSERT_EQUAL(std::string("Visitor 4 is typing\u2026"), chat.typingNotice());
        chat.messageArrived(true); // the message ends the typing
        CPPUNIT_ASSERT_EQUAL(std::string(), chat.typingNotice());
        chat.visitorState("composing");
        chat.visitorState("paused");
        CPPUNIT_ASSERT(!chat.visitorTyping());
    }

    void testEndedTab()
    {
        ChatSession chat(4, "Bob", "");
        chat.visitorState("composing");
        chat.ended();
        CPPUNIT_ASSERT(chat.isEnded());
        CPPUNIT_ASSERT(!chat.visitorTyping());
        CPPUNIT_ASSERT_EQUAL(std::string("Bob (ended)"), chat.tabTitle());
    }

    void testTranscriptLine()
    {
        const std::string line = formatTranscriptLine(0, "Bob", "one\ntwo");
        // "[HH:MM] Bob: one" then "two" indented under the text.
        CPPUNIT_ASSERT_EQUAL(std::string("[") + formatClock(0) + "] Bob: one\n             two", line);
        CPPUNIT_ASSERT_EQUAL(std::size_t(5), formatClock(1700000000000).size());
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(ChatSessionTest);

} // namespace
} // namespace ringdesk::operator_app
