// dispatch::ConnectionRegistry with recording links: each kind of output reaches the link of
// its kind, unknown or removed ids are ignored, close and shutdownAll reach every kind.

#include "server/dispatch/connection_registry.h"
#include "support/fakes/recording_links.h"

#include <cppunit/extensions/HelperMacros.h>

#include <memory>
#include <set>

namespace ringdesk::runtime_tests {

using test_support::RecordingImsLink;
using test_support::RecordingOperatorLink;
using test_support::RecordingVisitorLink;

class ConnectionRegistryTest : public CppUnit::TestFixture
{
    CPPUNIT_TEST_SUITE(ConnectionRegistryTest);
    CPPUNIT_TEST(testIdsAreNeverZeroNorReused);
    CPPUNIT_TEST(testOutputReachesTheLinkOfItsKind);
    CPPUNIT_TEST(testUnknownAndRemovedIdsAreIgnored);
    CPPUNIT_TEST(testCloseAndShutdownAllReachEveryKind);
    CPPUNIT_TEST_SUITE_END();

public:
    void setUp() override
    {
        operatorId_ = registry_.nextId();
        visitorId_ = registry_.nextId();
        imsId_ = registry_.nextId();
        registry_.add(operatorId_, operator_);
        registry_.add(visitorId_, visitor_);
        registry_.add(imsId_, ims_);
    }

    void testIdsAreNeverZeroNorReused()
    {
        std::set<core::ConnectionId> seen{operatorId_, visitorId_, imsId_};
        for (int i = 0; i < 100; ++i)
            seen.insert(registry_.nextId());
        CPPUNIT_ASSERT_EQUAL(std::size_t(103), seen.size());
        CPPUNIT_ASSERT(seen.count(0) == 0);
    }

    void testOutputReachesTheLinkOfItsKind()
    {
        registry_.sendToOperator(operatorId_, nlchat::Probe{"u"});
        registry_.sendToVisitor(visitorId_, visitor::ErrorReply{"bad_json", "x"});
        registry_.sendToIms(imsId_, ims::ServerDocument{});
        // The id of another kind of connection: nothing is sent.
        registry_.sendToOperator(visitorId_, nlchat::Probe{"u"});
        registry_.sendToVisitor(imsId_, visitor::ErrorReply{"bad_json", "x"});
        registry_.sendToIms(operatorId_, ims::ServerDocument{});
        CPPUNIT_ASSERT_EQUAL(std::size_t(1), operator_->delivered().size());
        CPPUNIT_ASSERT_EQUAL(std::size_t(1), visitor_->delivered().size());
        CPPUNIT_ASSERT_EQUAL(std::size_t(1), ims_->delivered().size());
    }

    void testUnknownAndRemovedIdsAreIgnored()
    {
        registry_.remove(operatorId_);
        registry_.sendToOperator(operatorId_, nlchat::Probe{"u"});
        registry_.close(operatorId_, "gone");
        registry_.sendToOperator(4242, nlchat::Probe{"u"});
        registry_.close(4242, "never was");
        CPPUNIT_ASSERT(operator_->delivered().empty());
        CPPUNIT_ASSERT(!operator_->shutdownReason());
    }

    void testCloseAndShutdownAllReachEveryKind()
    {
        registry_.close(visitorId_, "ended");
        CPPUNIT_ASSERT_EQUAL(std::string("ended"), visitor_->shutdownReason().value_or(""));
        CPPUNIT_ASSERT(!operator_->shutdownReason());
        registry_.shutdownAll("server stopping");
        CPPUNIT_ASSERT_EQUAL(std::string("server stopping"), operator_->shutdownReason().value_or(""));
        CPPUNIT_ASSERT_EQUAL(std::string("server stopping"), visitor_->shutdownReason().value_or(""));
        CPPUNIT_ASSERT_EQUAL(std::string("server stopping"), ims_->shutdownReason().value_or(""));
    }

private:
    dispatch::ConnectionRegistry registry_;
    std::shared_ptr<RecordingOperatorLink> operator_ = std::make_shared<RecordingOperatorLink>();
    std::shared_ptr<RecordingVisitorLink> visitor_ = std::make_shared<RecordingVisitorLink>();
    std::shared_ptr<RecordingImsLink> ims_ = std::make_shared<RecordingImsLink>();
    core::ConnectionId operatorId_ = 0;
    core::ConnectionId visitorId_ = 0;
    core::ConnectionId imsId_ = 0;
};

CPPUNIT_TEST_SUITE_REGISTRATION(ConnectionRegistryTest);

} // namespace ringdesk::runtime_tests
