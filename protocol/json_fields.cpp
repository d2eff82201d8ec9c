#include "protocol/json_fields.h"

#include "protocol/protocol_error.h"

#include <Poco/Exception.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>

#include <charconv>
#include <sstream>

namespace ringdesk::protocol::json {
namespace {

[[noreturn]] void missing(const std::string& name)
{
    throw ProtocolError(error_code::kMissingField, "missing field '" + name + "'");
}

[[noreturn]] void bad(const std::string& name, const char* expected)
{
    throw ProtocolError(error_code::kBadField, "field '" + name + "' must be " + expected);
}

void checkLength(const std::string& name, const std::string& value, std::size_t maxBytes)
{
    if (value.size() > maxBytes)
        throw ProtocolError(error_code::kTooLarge, "field '" + name + "' longer than " +
                                                       std::to_string(maxBytes) + " bytes");
}

std::int64_t integerOrString(const std::string& name, const Poco::Dynamic::Var& value)
{
    if (value.isString()) {
        const std::string text = value.extract<std::string>();
        std::int64_t result = 0;
        const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), result);
        if (error != std::errc() || end != text.data() + text.size() || text.empty())
            bad(name, "an integer");
        return result;
    }
    if (!value.isNumeric() || value.type() == typeid(bool))
        bad(name, "an integer");
    try {
        if (value.isInteger())
            return value.convert<std::int64_t>();
        const double number = value.convert<double>();
        // Casting a double outside int64's range is undefined behaviour, so the range comes
        // first (found by the fuzzer with "ID":2.1e95); the negated test refuses NaN too.
        constexpr double kTwoTo63 = 9223372036854775808.0;
        if (!(number >= -kTwoTo63 && number < kTwoTo63))
            bad(name, "an integer");
        if (number != static_cast<double>(static_cast<std::int64_t>(number)))
            bad(name, "an integer");
        return static_cast<std::int64_t>(number);
    } catch (const Poco::Exception&) {
        bad(name, "an integer");
    }
}

std::int64_t toInt(const std::string& name, const Poco::Dynamic::Var& value)
{
    // RFC 8259 section 6 / RFC 7493 (I-JSON) section 2.2: only integers within +-(2^53 - 1) are
    // exchanged exactly; POCO's parser rounds a negative number beyond that through a double,
    // and the widget's JavaScript would too (found by the fuzzer with "seq":-20000290076730265).
    constexpr std::int64_t kMaxExactInteger = (std::int64_t{1} << 53) - 1;
    const std::int64_t result = integerOrString(name, value);
    if (result > kMaxExactInteger || result < -kMaxExactInteger)
        bad(name, "an integer within +-(2^53 - 1)");
    return result;
}

} // namespace

Poco::JSON::Object::Ptr parseObject(std::string_view text)
{
    try {
        Poco::JSON::Parser parser;
        const Poco::Dynamic::Var result = parser.parse(std::string(text));
        if (result.type() != typeid(Poco::JSON::Object::Ptr))
            throw ProtocolError(error_code::kBadJson, "expected a JSON object");
        return result.extract<Poco::JSON::Object::Ptr>();
    } catch (const Poco::Exception& e) {
        throw ProtocolError(error_code::kBadJson, "malformed JSON: " + e.message());
    }
}

std::string requiredString(const Poco::JSON::Object& object, const std::string& name,
                           std::size_t maxBytes)
{
    if (!object.has(name) || object.isNull(name))
        missing(name);
    const Poco::Dynamic::Var value = object.get(name);
    if (!value.isString())
        bad(name, "a string");
    std::string result = value.extract<std::string>();
    checkLength(name, result, maxBytes);
    return result;
}

std::string optionalString(const Poco::JSON::Object& object, const std::string& name,
                           std::size_t maxBytes, std::string fallback)
{
    if (!object.has(name) || object.isNull(name))
        return fallback;
    return requiredString(object, name, maxBytes);
}

std::int64_t requiredInt(const Poco::JSON::Object& object, const std::string& name)
{
    if (!object.has(name) || object.isNull(name))
        missing(name);
    return toInt(name, object.get(name));
}

std::int64_t optionalInt(const Poco::JSON::Object& object, const std::string& name,
                         std::int64_t fallback)
{
    if (!object.has(name) || object.isNull(name))
        return fallback;
    const Poco::Dynamic::Var value = object.get(name);
    if (value.isString() && value.extract<std::string>().empty())
        return fallback;
    return toInt(name, value);
}

bool optionalBool(const Poco::JSON::Object& object, const std::string& name, bool fallback)
{
    if (!object.has(name) || object.isNull(name))
        return fallback;
    const Poco::Dynamic::Var value = object.get(name);
    if (value.type() != typeid(bool))
        bad(name, "a boolean");
    return value.extract<bool>();
}

std::vector<std::string> requiredStringList(const Poco::JSON::Object& object,
                                            const std::string& name, std::size_t maxItems,
                                            std::size_t maxBytes)
{
    if (!object.has(name) || object.isNull(name))
        missing(name);
    const Poco::JSON::Array::Ptr array = object.getArray(name);
    if (!array)
        bad(name, "a list of strings");
    if (array->size() > maxItems)
        throw ProtocolError(error_code::kTooLarge, "field '" + name + "' has more than " +
                                                       std::to_string(maxItems) + " items");
    std::vector<std::string> result;
    result.reserve(array->size());
    for (std::size_t i = 0; i < array->size(); ++i) {
        const Poco::Dynamic::Var item = array->get(static_cast<unsigned>(i));
        if (!item.isString())
            bad(name, "a list of strings");
        result.push_back(item.extract<std::string>());
        checkLength(name, result.back(), maxBytes);
    }
    return result;
}

std::string stringify(const Poco::JSON::Object& object)
{
    std::ostringstream out;
    object.stringify(out);
    return out.str();
}

} // namespace ringdesk::protocol::json
