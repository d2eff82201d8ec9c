#pragma once
// Typed, validated access to the fields of a parsed JSON object, shared by the JSON codecs
// of the shared protocol library. Every accessor throws protocol::ProtocolError with
// kMissingField, kBadField or kTooLarge naming the field.

#include <Poco/JSON/Object.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace ringdesk::protocol::json {

/// Parses `text` as one JSON object; throws ProtocolError(kBadJson) otherwise.
Poco::JSON::Object::Ptr parseObject(std::string_view text);

/// A required string no longer than maxBytes.
std::string requiredString(const Poco::JSON::Object& object, const std::string& name,
                           std::size_t maxBytes);
/// An optional string: `fallback` when absent or null.
std::string optionalString(const Poco::JSON::Object& object, const std::string& name,
                           std::size_t maxBytes, std::string fallback = {});
/// A required integer; a JSON number or a string of decimal digits (original clients
/// echo IDs in either form), within +-(2^53 - 1) (RFC 7493 section 2.2), else ProtocolError
/// `bad_field`.
std::int64_t requiredInt(const Poco::JSON::Object& object, const std::string& name);
/// An optional integer: `fallback` when absent or null, otherwise as requiredInt().
std::int64_t optionalInt(const Poco::JSON::Object& object, const std::string& name,
                         std::int64_t fallback = 0);
bool optionalBool(const Poco::JSON::Object& object, const std::string& name, bool fallback);
/// A required array of strings, at most maxItems items of at most maxBytes each.
std::vector<std::string> requiredStringList(const Poco::JSON::Object& object,
                                            const std::string& name, std::size_t maxItems,
                                            std::size_t maxBytes);

/// Compact JSON text of an object (keys in insertion order when the object preserves it).
std::string stringify(const Poco::JSON::Object& object);

} // namespace ringdesk::protocol::json
