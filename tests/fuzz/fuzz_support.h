#pragma once
// What the libFuzzer harnesses share (docs/development.md, "Fuzzing"): how a broken property is
// reported, and how a stream decoder is driven the way a connection drives it.
//
// A harness catches the errors its decoder documents (protocol::ProtocolError and its
// subclasses); anything else that escapes LLVMFuzzerTestOneInput is a finding, and so is a
// property check that fails: finding() aborts, and libFuzzer saves the input as a crash.

#include "protocol/protocol_error.h"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

namespace ringdesk::fuzz {

/// The fuzzer's bytes as text (the decoders take std::string_view or char pointers).
inline std::string_view asText(const std::uint8_t* data, std::size_t size)
{
    return {reinterpret_cast<const char*>(data), size};
}

/// Reports a broken property — the decoder answered, but wrongly — and aborts. `detail` is
/// printed as is (the texts that differ), so keep it short.
[[noreturn]] inline void finding(const char* property, std::string_view detail = {})
{
    std::fprintf(stderr, "fuzz finding: %s\n%.*s\n", property, static_cast<int>(detail.size()), detail.data());
    std::abort();
}

/// Calls feed(chunk) for consecutive pieces of `input` whose sizes run through a fixed cycle,
/// 1, 2, 3, 5, 8, … 4181 bytes: splits at many offsets, small ones and ones past the decoders'
/// 4 KiB compaction points, as reads split a TCP stream. Fixed rather than drawn from the input
/// so that the input keeps its meaning for the decoder and a saved crash replays exactly.
template <class Feed>
void forEachChunk(std::string_view input, Feed feed)
{
    std::size_t previous = 1;
    std::size_t size = 1;
    while (!input.empty()) {
        const std::size_t take = size < input.size() ? size : input.size();
        feed(input.substr(0, take));
        input.remove_prefix(take);
        const std::size_t following = previous + size;
        previous = size;
        size = following > 4181 ? 1 : following;
    }
}

/// What a stream decoder made of an input: its items in order, then the code of the
/// ProtocolError that stopped it (empty when none did).
template <class Item>
struct StreamOutcome
{
    std::vector<Item> items;
    std::string error;
    bool operator==(const StreamOutcome&) const = default;
};

/// Feeds `input` to `decoder` (feed(const char*, size_t) and next() returning std::optional),
/// whole or in the chunks of forEachChunk(), and after every feed() calls next() until it has
/// nothing more, as a connection does. Splitting a stream differently must not change the outcome.
template <class Decoder>
auto decodeStream(Decoder decoder, std::string_view input, bool chunked)
{
    StreamOutcome<typename decltype(decoder.next())::value_type> outcome;
    const auto feedAndDrain = [&](std::string_view bytes) {
        decoder.feed(bytes.data(), bytes.size());
        while (auto item = decoder.next())
            outcome.items.push_back(std::move(*item));
    };
    try {
        if (chunked)
            forEachChunk(input, feedAndDrain);
        else
            feedAndDrain(input);
    } catch (const protocol::ProtocolError& e) {
        outcome.error = e.code();
    }
    return outcome;
}

/// The splitting property of a stream decoder: decodeStream() of `input` whole and in chunks,
/// each with a fresh decoder from makeDecoder(), must give the same outcome; a finding otherwise.
/// Returns the outcome of the whole input.
template <class MakeDecoder>
auto decodeWholeAndChunked(MakeDecoder makeDecoder, std::string_view input)
{
    auto whole = decodeStream(makeDecoder(), input, false);
    if (decodeStream(makeDecoder(), input, true) != whole)
        finding("fed in chunks, the input decodes differently than fed whole");
    return whole;
}

} // namespace ringdesk::fuzz
