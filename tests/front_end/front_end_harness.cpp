#include "front_end_harness.h"

#include "protocol/limits.h"
#include "server/http/visitor_stream.h"
#include "server/operator_endpoint/operator_stream.h"
#include "server/store/ban_repository.h"
#include "server/store/password_hash.h"
#include "server/store/user_repository.h"

#include <future>

namespace ringdesk::front_end_tests {

const protocol::RsaPrivateKey& serverKey()
{
    static const protocol::RsaPrivateKey key = protocol::RsaPrivateKey::generate(2048);
    return key;
}

namespace {

constexpr std::size_t kMaxLineBytes = 64 * 1024;
constexpr std::size_t kMaxQueued = 1000;
constexpr auto kTickInterval = std::chrono::milliseconds(5);

} // namespace

FrontEndHarness::FrontEndHarness() : FrontEndHarness(Settings{}) {}

FrontEndHarness::FrontEndHarness(Settings settings)
    : session_(database_.open()), conversations_(session_), imStore_(session_), storeThread_(session_),
      conversationsProxy_(conversations_, storeThread_), imStoreProxy_(imStore_, storeThread_),
      dispatcher_(settings.core, settings.im, clock_, registry_, storeThread_, conversationsProxy_, imStoreProxy_,
                  kTickInterval),
      credentials_(database_.path(), 2), logins_(credentials_, admission::LoginGuardSettings{}),
      workers_("fe-worker", 1),
      loops_("fe-loop", 1), operatorContext_{dispatcher_,   registry_,  logins_, serverKey(),
                                             kMaxLineBytes, kMaxQueued, clock_},
      imsContext_{dispatcher_, registry_, logins_, protocol::limits::kMaxImsDocumentBytes, kMaxQueued, clock_},
      visitorContext_{dispatcher_, registry_, kMaxLineBytes, kMaxQueued,          600,
                      loops_,      100,       liveVisitors_, visitorsPerAddress_, settings.visitorMessages}
{
    storeThread_.start();
    dispatcher_.start();
    loops_.start();
}

FrontEndHarness::~FrontEndHarness()
{
    // IMS connections end when their socket is shut down; plain ones when the loop stops.
    for (Poco::Net::StreamSocket& socket : imsSockets_) {
        try {
            socket.shutdown();
        } catch (const Poco::Exception&) {
            // Already closed by the server or the peer.
        }
    }
    for (std::thread& thread : imsThreads_)
        thread.join();
    loops_.stop();
    workers_.stop();
    dispatcher_.stop();
    storeThread_.stop();
}

void FrontEndHarness::addUser(const std::string& username, const std::string& password,
                              const std::string& displayName)
{
    Poco::Data::Session session = database_.open();
    store::UserRepository(session).add(username, displayName, "operator",
                                       store::hashPasswordMd5(store::md5Hex(password), 1000));
}

void FrontEndHarness::banUser(const std::string& username, std::optional<std::int64_t> untilMs)
{
    Poco::Data::Session session = database_.open();
    store::BanRepository(session).add(store::ban_kind::kUser, username, "test", "admin", clock_.epochMs(),
                                      untilMs);
}

test_support::PeerSocket FrontEndHarness::connectOperator()
{
    test_support::SocketPair pair;
    auto stream = std::make_shared<operator_endpoint::OperatorStream>(loops_.first(), pair.server(),
                                                                      operatorContext_, workers_, [] {});
    stream->start();
    return pair.peer();
}

test_support::PeerSocket FrontEndHarness::connectVisitor()
{
    test_support::SocketPair pair;
    auto stream =
        std::make_shared<http::VisitorStream>(loops_.first(), pair.server(), visitorContext_, "192.0.2.7", [] {});
    stream->start({});
    return pair.peer();
}

test_support::PeerSocket FrontEndHarness::connectIms()
{
    test_support::SocketPair pair;
    Poco::Net::StreamSocket socket = pair.server();
    imsSockets_.push_back(socket);
    imsThreads_.emplace_back([this, socket] {
        ims_endpoint::ImsConnection connection(socket, imsContext_);
        connection.run();
    });
    return pair.peer();
}

void FrontEndHarness::settle()
{
    std::promise<void> delivered;
    dispatcher_.afterDelivery([&delivered] { delivered.set_value(); });
    delivered.get_future().wait();
}

void FrontEndHarness::advance(core::Duration d)
{
    clock_.advance(d);
    // The first round trip runs in a batch after which the core checks its timers; the second
    // starts only once that check is done, and settle() waits for the output it produced.
    dispatcher_.ask([](const core::Core&) { return 0; });
    dispatcher_.ask([](const core::Core&) { return 0; });
    settle();
}

} // namespace ringdesk::front_end_tests
