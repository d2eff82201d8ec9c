#include "operator-client/app/ring_tone.h"

#include <cppunit/extensions/HelperMacros.h>

#include <string>

namespace ringdesk::operator_app {
namespace {

std::uint32_t readLe32(const std::vector<std::uint8_t>& bytes, std::size_t at)
{
    return bytes[at] | (bytes[at + 1] << 8) | (bytes[at + 2] << 16) | (std::uint32_t(bytes[at + 3]) << 24);
}

class RingToneTest : public CppUnit::TestFixture
{
    CPPUNIT_TEST_SUITE(RingToneTest);
    CPPUNIT_TEST(testIsAWellFormedWav);
    CPPUNIT_TEST_SUITE_END();

public:
    void testIsAWellFormedWav()
    {
        const auto wav = makeRingToneWav();
        CPPUNIT_ASSERT(wav.size() > 44);
        CPPUNIT_ASSERT_EQUAL(std::string("RIFF"), std::string(wav.begin(), wav.begin() + 4));
        CPPUNIT_ASSERT_EQUAL(std::string("WAVE"), std::string(wav.begin() + 8, wav.begin() + 12));
        CPPUNIT_ASSERT_EQUAL(std::string("data"), std::string(wav.begin() + 36, wav.begin() + 40));
        CPPUNIT_ASSERT_EQUAL(static_cast<std::uint32_t>(wav.size() - 8), readLe32(wav, 4));
        CPPUNIT_ASSERT_EQUAL(static_cast<std::uint32_t>(wav.size() - 44), readLe32(wav, 40));
        CPPUNIT_ASSERT_EQUAL(kRingToneSampleRate, readLe32(wav, 24));
        // About 0.6 s of 16-bit mono.
        const double seconds = static_cast<double>(wav.size() - 44) / 2.0 / kRingToneSampleRate;
        CPPUNIT_ASSERT(seconds > 0.5 && seconds < 0.7);
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(RingToneTest);

} // namespace
} // namespace ringdesk::operator_app
