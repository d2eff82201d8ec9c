#include "server/core/visitor_token.h"

#include <openssl/evp.h>
#include <openssl/rand.h>

#include <Poco/DigestEngine.h>

#include <array>
#include <stdexcept>

namespace ringdesk::core {
namespace {

std::string hex(const unsigned char* bytes, std::size_t size)
{
    return Poco::DigestEngine::digestToHex(Poco::DigestEngine::Digest(bytes, bytes + size));
}

std::string randomHex(std::size_t bytes)
{
    std::array<unsigned char, 32> buffer{};
    if (bytes > buffer.size() || RAND_bytes(buffer.data(), static_cast<int>(bytes)) != 1)
        throw std::runtime_error("the random number generator failed");
    return hex(buffer.data(), bytes);
}

} // namespace

std::string newVisitorToken() { return randomHex(16); }

std::string newVisitorId() { return "v-" + randomHex(8); }

std::string hashVisitorToken(const std::string& token)
{
    std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
    unsigned int size = 0;
    if (EVP_Digest(token.data(), token.size(), digest.data(), &size, EVP_sha256(), nullptr) != 1)
        throw std::runtime_error("SHA-256 failed");
    return hex(digest.data(), size);
}

} // namespace ringdesk::core
