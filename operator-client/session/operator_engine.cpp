#include "operator-client/session/operator_engine.h"

#include "operator-client/session/backoff.h"
#include "operator-client/session/server_key.h"
#include "operator-client/session/timespan.h"
#include "protocol/limits.h"
#include "protocol/protocol_error.h"

#include <Poco/Net/NetException.h>
#include <Poco/Net/Socket.h>

#include <algorithm>
#include <stdexcept>

namespace ringdesk::operator_client {

namespace {

using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

constexpr std::size_t kMaxStateBytes = 64;

SessionSettings checked(SessionSettings settings)
{
    if (settings.host.empty() || settings.port == 0)
        throw std::invalid_argument("the session needs the server's host and operator port");
    if (settings.username.empty())
        throw std::invalid_argument("the session needs a user name");
    for (const milliseconds t :
         {settings.connectTimeout, settings.loginTimeout, settings.silenceTimeout, settings.reconnectInitial})
        if (t.count() <= 0)
            throw std::invalid_argument("session timeouts and delays must be positive");
    if (settings.reconnectMax < settings.reconnectInitial)
        throw std::invalid_argument("reconnectMax must not be below reconnectInitial");
    if (settings.maxQueuedEvents == 0)
        throw std::invalid_argument("maxQueuedEvents must be positive");
    if (settings.rawMode && !settings.rawMode->serverKey && settings.rawMode->httpPort == 0)
        throw std::invalid_argument("raw mode needs the server's key or its HTTP port");
    if (settings.uuid.empty())
        settings.uuid = randomUuid();
    return settings;
}

std::string millisText(milliseconds d) { return std::to_string(d.count()) + " ms"; }

std::string checkedUsername(std::string username)
{
    if (username.empty() || username.size() > protocol::limits::kMaxUsernameBytes)
        throw std::invalid_argument("a user name must have 1 to " +
                                    std::to_string(protocol::limits::kMaxUsernameBytes) + " bytes");
    return username;
}

void checkText(const std::string& text)
{
    if (text.empty() || text.size() > protocol::limits::kMaxMessageTextBytes)
        throw std::invalid_argument("a message must have 1 to " +
                                    std::to_string(protocol::limits::kMaxMessageTextBytes) + " bytes");
}

} // namespace

OperatorEngine::OperatorEngine(SessionSettings settings, std::function<void()> eventsAvailable)
    : settings_(checked(std::move(settings))), logger_(Poco::Logger::get("ringdesk.operator.session")),
      events_(settings_.maxQueuedEvents, std::move(eventsAvailable)), model_(settings_.uuid)
{
}

OperatorEngine::~OperatorEngine()
{
    disconnect();
    if (thread_.joinable())
        thread_.join();
}

void OperatorEngine::start()
{
    if (thread_.joinable())
        throw std::logic_error("OperatorEngine::start() called twice");
    thread_ = std::thread([this] { run(); });
}

void OperatorEngine::accept(std::int64_t ringId) { enqueue(AcceptRing{ringId}); }

void OperatorEngine::sendMessage(std::int64_t chatId, std::string text)
{
    checkText(text);
    enqueue(SendText{chatId, std::move(text)});
}

void OperatorEngine::sendChatState(std::int64_t chatId, std::string state)
{
    if (state.empty() || state.size() > kMaxStateBytes)
        throw std::invalid_argument("a chat state must have 1 to " + std::to_string(kMaxStateBytes) + " bytes");
    enqueue(SendState{chatId, std::move(state)});
}

void OperatorEngine::endChat(std::int64_t chatId) { enqueue(EndChat{chatId}); }

void OperatorEngine::setStatus(int statusCode)
{
    status_ = statusCode;
    enqueue(SetPresence{statusCode});
}

void OperatorEngine::requestRoster() { enqueue(RequestRoster{}); }

void OperatorEngine::addColleague(std::string username)
{
    enqueue(AddColleague{checkedUsername(std::move(username))});
}

void OperatorEngine::acceptColleague(std::string username)
{
    enqueue(AcceptColleague{checkedUsername(std::move(username))});
}

void OperatorEngine::denyColleague(std::string username)
{
    enqueue(DenyColleague{checkedUsername(std::move(username))});
}

void OperatorEngine::removeColleague(std::string username)
{
    enqueue(RemoveColleague{checkedUsername(std::move(username))});
}

void OperatorEngine::sendTeamMessage(std::string to, std::string text)
{
    to = checkedUsername(std::move(to));
    checkText(text);
    enqueue(SendTeamText{std::move(to), std::move(text)});
}

void OperatorEngine::disconnect()
{
    stopping_ = true;
    // A reader that is gone must not hold the session thread in a full queue.
    events_.release();
    wakeup_.ring();
}

void OperatorEngine::enqueue(Command command)
{
    {
        std::lock_guard lock(commandMutex_);
        commands_.push_back(std::move(command));
    }
    wakeup_.ring();
}

std::optional<Event> OperatorEngine::pollEvent() { return events_.poll(); }

std::optional<Event> OperatorEngine::waitEvent(milliseconds timeout) { return events_.wait(timeout); }

std::vector<ChatInfo> OperatorEngine::openChats() const
{
    std::lock_guard lock(modelMutex_);
    return model_.openChats();
}

std::vector<nlchat::Ring> OperatorEngine::pendingRings() const
{
    std::lock_guard lock(modelMutex_);
    return model_.pendingRings();
}

SessionModel::Phase OperatorEngine::phase() const
{
    std::lock_guard lock(modelMutex_);
    return model_.phase();
}

void OperatorEngine::emit(Event event) { events_.push(std::move(event)); }

void OperatorEngine::emit(std::vector<Event> events)
{
    for (Event& event : events)
        events_.push(std::move(event));
}

// ---- the session thread ------------------------------------------------------------------

void OperatorEngine::run()
{
    Backoff backoff(settings_.reconnectInitial, settings_.reconnectMax);
    int attempt = 0;
    while (!stopping_) {
        emit(Connecting{settings_.host, settings_.port, ++attempt});
        Outcome outcome;
        bool loggedIn = false; // set by serve() as soon as the login succeeded, kept if it throws
        if (std::optional<Outcome> unprepared = prepareRawMode()) {
            outcome = std::move(*unprepared);
        } else {
            NlchatClient connection(ConnectionOptions{settings_.uuid, settings_.encryption, true,
                                                      protocol::limits::kMaxOperatorLineBytes, settings_.tls});
            try {
                connection.connect(settings_.host, settings_.port, settings_.connectTimeout);
                logger_.information("connected to %s:%hu as %s", settings_.host, settings_.port,
                                    settings_.username);
                emit(Connected{});
                outcome = serve(connection, loggedIn);
            } catch (const TlsVerificationError& e) {
                // The same certificate would be refused again: stop rather than retry.
                outcome = {e.what(), false};
            } catch (const ConnectionError& e) {
                outcome.reason = e.what();
            } catch (const protocol::ProtocolError& e) {
                // A line too long to frame, or a packet that cannot be sealed for the server.
                outcome.reason = e.what();
            }
            connection.close();
        }
        {
            std::vector<Event> closed;
            {
                std::lock_guard lock(modelMutex_);
                closed = model_.connectionLost();
            }
            emit(std::move(closed));
        }
        if (loggedIn) {
            backoff.reset();
            attempt = 0;
        }
        if (stopping_)
            outcome.retry = false;
        std::optional<milliseconds> retryIn;
        if (outcome.retry)
            retryIn = backoff.next();
        logger_.information("connection to %s:%hu ended: %s%s", settings_.host, settings_.port, outcome.reason,
                            retryIn ? std::string(", retrying in ") + millisText(*retryIn) : std::string());
        if (!retryIn) {
            events_.release();
            emit(ConnectionLost{outcome.reason, std::nullopt});
            return;
        }
        emit(ConnectionLost{outcome.reason, retryIn});
        if (!pause(*retryIn))
            break;
    }
    events_.release();
    emit(ConnectionLost{"disconnected", std::nullopt});
}

std::optional<OperatorEngine::Outcome> OperatorEngine::prepareRawMode()
{
    if (settings_.encryption || !settings_.rawMode)
        return std::nullopt;
    try {
        protocol::RsaPublicKey serverKey =
            settings_.rawMode->serverKey
                ? *settings_.rawMode->serverKey
                : fetchServerKey(settings_.host, settings_.rawMode->httpPort, settings_.connectTimeout);
        logger_.information("raw mode with the server key %s", serverKey.fingerprint());
        settings_.encryption = Encryption{protocol::RsaPrivateKey::generate(2048), std::move(serverKey)};
        return std::nullopt;
    } catch (const ConnectionError& e) {
        return Outcome{std::string("cannot fetch the server's public key: ") + e.what(), true};
    } catch (const protocol::ProtocolError& e) {
        return Outcome{std::string("the server's public key is not usable: ") + e.what(), false};
    }
}

bool OperatorEngine::pause(milliseconds delay)
{
    const Clock::time_point until = Clock::now() + delay;
    while (!stopping_) {
        const auto left = std::chrono::duration_cast<milliseconds>(until - Clock::now());
        if (left.count() <= 0)
            return true;
        wakeup_.wait(left);
    }
    return false;
}

OperatorEngine::Outcome OperatorEngine::serve(NlchatClient& connection, bool& loggedIn)
{
    std::vector<nlchat::Packet> greeting;
    {
        std::lock_guard lock(modelMutex_);
        greeting = model_.connectionOpened(settings_.username, settings_.password,
                                           settings_.encryption ? settings_.encryption->clientKey.publicKey().pem()
                                                                : std::string());
    }
    for (const nlchat::Packet& packet : greeting)
        connection.send(packet);

    const Clock::time_point loginDeadline = Clock::now() + settings_.loginTimeout;
    Clock::time_point lastHeard = Clock::now();
    bool restored = false; // a new login starts Online on the server, with no roster sent yet
    for (;;) {
        if (std::optional<Outcome> stop = readAvailable(connection, lastHeard, loggedIn))
            return *stop;
        const Clock::time_point now = Clock::now();
        if (stopping_) {
            try {
                connection.send(nlchat::Disconnect{settings_.uuid});
            } catch (const ConnectionError& e) {
                // Leaving anyway; the server notices the closed socket instead (spec 2.7).
                logger_.debug("disconnect not sent: %s", std::string(e.what()));
            }
            return {"disconnected", false};
        }
        const bool ready = phase() == SessionModel::Phase::Ready;
        if (ready && !restored) {
            restored = true;
            if (status_ != 0)
                connection.send(nlchat::SetStatus{status_});
            // The colleague list may have changed while this session was away.
            connection.send(nlchat::Roster{});
        }
        if (ready)
            sendQueuedCommands(connection);
        else if (now >= loginDeadline)
            return {"the login was not completed within " + millisText(settings_.loginTimeout), true};
        if (now - lastHeard >= settings_.silenceTimeout)
            return {"nothing heard from the server for " + millisText(settings_.silenceTimeout), true};

        Clock::time_point wakeAt = lastHeard + settings_.silenceTimeout;
        if (!ready)
            wakeAt = std::min(wakeAt, loginDeadline);
        Poco::Net::Socket::SocketList readable{connection.socket(), wakeup_.socket()};
        Poco::Net::Socket::SocketList writable;
        Poco::Net::Socket::SocketList failed;
        try {
            Poco::Net::Socket::select(readable, writable, failed, toTimespan(wakeAt - Clock::now()));
        } catch (const Poco::Exception& e) {
            return {"waiting for the server failed: " + e.displayText(), true};
        }
        wakeup_.drain();
    }
}

std::optional<OperatorEngine::Outcome> OperatorEngine::readAvailable(NlchatClient& connection,
                                                                     Clock::time_point& lastHeard, bool& loggedIn)
{
    for (;;) {
        std::optional<nlchat::Packet> packet;
        try {
            packet = connection.receive(milliseconds(0));
        } catch (const protocol::ProtocolError& e) {
            if (!connection.isOpen())
                throw;
            // One undecodable line; the framing is intact, so the connection stays.
            logger_.warning("%s", std::string(e.what()));
            emit(ErrorReceived{e.code(), e.what(), {}});
            continue;
        }
        if (!packet)
            return std::nullopt;
        lastHeard = Clock::now();
        std::vector<Event> events;
        SessionModel::Phase phase;
        std::string stopReason;
        {
            std::lock_guard lock(modelMutex_);
            events = model_.handle(*packet);
            phase = model_.phase();
            stopReason = model_.stopReason();
        }
        emit(std::move(events));
        if (phase == SessionModel::Phase::Resuming || phase == SessionModel::Phase::Ready)
            loggedIn = true;
        if (phase == SessionModel::Phase::Refused || phase == SessionModel::Phase::LoggedOut)
            return Outcome{stopReason, false};
    }
}

void OperatorEngine::sendQueuedCommands(NlchatClient& connection)
{
    for (;;) {
        Command command;
        {
            std::lock_guard lock(commandMutex_);
            if (commands_.empty())
                return;
            command = commands_.front();
        }
        nlchat::Packet packet;
        {
            std::lock_guard lock(modelMutex_);
            packet = model_.packetFor(command);
        }
        std::vector<Event> events;
        try {
            // A ConnectionError leaves the command queued: it goes out after the next login.
            connection.send(packet);
            std::lock_guard lock(modelMutex_);
            events = model_.sent(command);
        } catch (const protocol::ProtocolError& e) {
            // The packet itself cannot be sent (too many RSA blocks once sealed); nothing was
            // written, so the connection is fine. Retrying would fail the same way.
            events.emplace_back(
                ErrorReceived{e.code(), std::string("not sent: ") + e.what(), nlchat::commandName(packet)});
        }
        {
            std::lock_guard lock(commandMutex_);
            commands_.pop_front();
        }
        emit(std::move(events));
    }
}

} // namespace ringdesk::operator_client
