#pragma once
// Errors raised by the pure codecs of the shared protocol library.

#include <array>
#include <stdexcept>
#include <string>

namespace ringdesk::protocol {

/// A malformed, oversize or otherwise refused packet/document.
/// `code()` is a stable machine-readable token sent back to the peer in an error
/// packet (e.g. "bad_json", "unknown_type", "missing_field", "too_large",
/// "decrypt_failed"); `what()` is a human-readable explanation.
class ProtocolError : public std::runtime_error
{
public:
    ProtocolError(std::string code, const std::string& message);
    const std::string& code() const noexcept { return code_; }

private:
    std::string code_;
};

/// Error codes shared by every codec; defined once here (CONVENTIONS.md, practice 1).
namespace error_code {
inline constexpr const char* kBadJson = "bad_json";
inline constexpr const char* kBadXml = "bad_xml";
inline constexpr const char* kUnknownType = "unknown_type";
inline constexpr const char* kMissingField = "missing_field";
inline constexpr const char* kBadField = "bad_field";
inline constexpr const char* kTooLarge = "too_large";
inline constexpr const char* kDecryptFailed = "decrypt_failed";
inline constexpr const char* kWrongRecipient = "wrong_recipient";
inline constexpr const char* kNotLoggedIn = "not_logged_in";
inline constexpr const char* kHelloFirst = "hello_first";
inline constexpr const char* kBadState = "bad_state";
inline constexpr const char* kRateLimited = "rate_limited";
inline constexpr const char* kUnavailable = "unavailable";
inline constexpr const char* kNoSuchChat = "no_such_chat";
inline constexpr const char* kInternal = "internal";

/// Every code above, for listings (protocol/wire_constants.h).
inline constexpr std::array<const char*, 15> kAll{kBadJson,     kBadXml,     kUnknownType,   kMissingField,
                                                  kBadField,    kTooLarge,   kDecryptFailed, kWrongRecipient,
                                                  kNotLoggedIn, kHelloFirst, kBadState,      kRateLimited,
                                                  kUnavailable, kNoSuchChat, kInternal};
} // namespace error_code

} // namespace ringdesk::protocol
