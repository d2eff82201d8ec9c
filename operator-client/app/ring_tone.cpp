#include "operator-client/app/ring_tone.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <string_view>

namespace ringdesk::operator_app {
namespace {

void put(std::vector<std::uint8_t>& out, std::string_view tag)
{
    out.insert(out.end(), tag.begin(), tag.end());
}

void putLe(std::vector<std::uint8_t>& out, std::uint32_t value, int bytes)
{
    for (int i = 0; i < bytes; ++i)
        out.push_back(static_cast<std::uint8_t>((value >> (8 * i)) & 0xFF));
}

} // namespace

std::vector<std::uint8_t> makeRingToneWav()
{
    // Two notes (E6 then C6), 0.25 s each with a short gap: a familiar "ding-dong".
    constexpr double kNotes[] = {1318.5, 1046.5};
    constexpr double kNoteSeconds = 0.25;
    constexpr double kGapSeconds = 0.05;
    const auto noteSamples = static_cast<std::uint32_t>(kNoteSeconds * kRingToneSampleRate);
    const auto gapSamples = static_cast<std::uint32_t>(kGapSeconds * kRingToneSampleRate);

    std::vector<std::int16_t> samples;
    for (double frequency : kNotes) {
        for (std::uint32_t i = 0; i < noteSamples; ++i) {
            const double t = static_cast<double>(i) / kRingToneSampleRate;
            const double fade = std::min({1.0, i / 200.0, (noteSamples - i) / 2000.0});
            const double value = 0.4 * fade * std::sin(2.0 * std::numbers::pi * frequency * t);
            samples.push_back(static_cast<std::int16_t>(value * 32767.0));
        }
        samples.insert(samples.end(), gapSamples, 0);
    }

    const auto dataBytes = static_cast<std::uint32_t>(samples.size() * 2);
    std::vector<std::uint8_t> wav;
    wav.reserve(44 + dataBytes);
    put(wav, "RIFF");
    putLe(wav, 36 + dataBytes, 4);
    put(wav, "WAVE");
    put(wav, "fmt ");
    putLe(wav, 16, 4);                       // fmt chunk size
    putLe(wav, 1, 2);                        // PCM
    putLe(wav, 1, 2);                        // mono
    putLe(wav, kRingToneSampleRate, 4);      // sample rate
    putLe(wav, kRingToneSampleRate * 2, 4);  // byte rate
    putLe(wav, 2, 2);                        // block align
    putLe(wav, 16, 2);                       // bits per sample
    put(wav, "data");
    putLe(wav, dataBytes, 4);
    for (std::int16_t sample : samples)
        putLe(wav, static_cast<std::uint16_t>(sample), 2);
    return wav;
}

} // namespace ringdesk::operator_app
