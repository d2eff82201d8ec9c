#include "protocol/key_text.h"

#include <openssl/bio.h>

#include <stdexcept>

namespace ringdesk::protocol {
namespace {

/// Hex digits of `bytes`, lowercase, ':' between bytes.
std::string colonHex(const unsigned char* bytes, std::size_t size)
{
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string text;
    text.reserve(size * 3);
    for (std::size_t i = 0; i < size; ++i) {
        if (i != 0)
            text.push_back(':');
        text.push_back(kDigits[bytes[i] >> 4]);
        text.push_back(kDigits[bytes[i] & 0x0f]);
    }
    return text;
}

} // namespace

std::string sha256Fingerprint(const unsigned char* digest, std::size_t size)
{
    return "SHA256:" + colonHex(digest, size);
}

std::string memoryBioText(BIO* bio)
{
    char* data = nullptr;
    const long size = BIO_get_mem_data(bio, &data);
    if (size <= 0 || data == nullptr)
        throw std::runtime_error("PEM encoding produced no output");
    return std::string(data, static_cast<std::size_t>(size));
}

} // namespace ringdesk::protocol
