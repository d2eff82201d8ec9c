#pragma once
// The ring sound, generated rather than shipped: a short two-tone chime as a complete WAV
// file (RIFF, PCM, 16-bit mono), which the app writes to a temporary file for wxSound.

#include <cstdint>
#include <vector>

namespace ringdesk::operator_app {

/// Sample rate of the generated tone, Hz.
inline constexpr std::uint32_t kRingToneSampleRate = 22050;

/// The WAV file's bytes: 44-byte header then about 0.6 s of samples, fading in and out so
/// that it does not click.
std::vector<std::uint8_t> makeRingToneWav();

} // namespace ringdesk::operator_app
