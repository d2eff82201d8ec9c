#include "server/store/password_hash.h"

#include <Poco/Base64Decoder.h>
#include <Poco/Base64Encoder.h>
#include <Poco/NumberParser.h>
#include <Poco/String.h>

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

#include <array>
#include <sstream>
#include <stdexcept>
#include <vector>

namespace ringdesk::store {
namespace {

constexpr const char* kScheme = "pbkdf2-sha256";
constexpr std::size_t kSaltBytes = 16;
constexpr std::size_t kKeyBytes = 32;
constexpr int kMaxIterations = 10'000'000;

std::string base64(const unsigned char* data, std::size_t size)
{
    std::ostringstream out;
    Poco::Base64Encoder encoder(out);
    encoder.rdbuf()->setLineLength(0);
    encoder.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    encoder.close();
    return out.str();
}

std::vector<unsigned char> unbase64(const std::string& text)
{
    std::istringstream in(text);
    Poco::Base64Decoder decoder(in);
    std::vector<unsigned char> bytes;
    char c;
    while (decoder.get(c))
        bytes.push_back(static_cast<unsigned char>(c));
    return bytes;
}

std::vector<unsigned char> derive(const std::string& md5HexValue, const unsigned char* salt,
                                  std::size_t saltSize, int iterations)
{
    const std::string input = Poco::toLower(md5HexValue);
    std::vector<unsigned char> key(kKeyBytes);
    if (PKCS5_PBKDF2_HMAC(input.data(), static_cast<int>(input.size()), salt,
                          static_cast<int>(saltSize), iterations, EVP_sha256(),
                          static_cast<int>(key.size()), key.data()) != 1)
        throw std::runtime_error("PBKDF2 failed");
    return key;
}

} // namespace

std::string md5Hex(const std::string& password)
{
    std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
    unsigned int size = 0;
    if (EVP_Digest(password.data(), password.size(), digest.data(), &size, EVP_md5(), nullptr) != 1)
        throw std::runtime_error("MD5 failed");
    static constexpr char digits[] = "0123456789abcdef";
    std::string hex;
    for (unsigned int i = 0; i < size; ++i) {
        hex.push_back(digits[digest[i] >> 4]);
        hex.push_back(digits[digest[i] & 0x0f]);
    }
    return hex;
}

std::string hashPasswordMd5(const std::string& md5HexValue, int iterations)
{
    if (iterations < 1000 || iterations > kMaxIterations)
        throw std::invalid_argument("PBKDF2 iterations must be between 1000 and 10000000");
    std::array<unsigned char, kSaltBytes> salt{};
    if (RAND_bytes(salt.data(), static_cast<int>(salt.size())) != 1)
        throw std::runtime_error("the random number generator failed");
    const std::vector<unsigned char> key = derive(md5HexValue, salt.data(), salt.size(), iterations);
    return std::string(kScheme) + "$" + std::to_string(iterations) + "$" +
           base64(salt.data(), salt.size()) + "$" + base64(key.data(), key.size());
}

bool verifyPasswordMd5(const std::string& md5HexValue, const std::string& stored)
{
    std::vector<std::string> parts;
    std::size_t start = 0;
    for (std::size_t end; (end = stored.find('$', start)) != std::string::npos; start = end + 1)
        parts.push_back(stored.substr(start, end - start));
    parts.push_back(stored.substr(start));
    int iterations = 0;
    if (parts.size() != 4 || parts[0] != kScheme || !Poco::NumberParser::tryParse(parts[1], iterations) ||
        iterations < 1000 || iterations > kMaxIterations)
        return false;
    try {
        const std::vector<unsigned char> salt = unbase64(parts[2]);
        const std::vector<unsigned char> expected = unbase64(parts[3]);
        if (salt.empty() || expected.size() != kKeyBytes)
            return false;
        const std::vector<unsigned char> actual = derive(md5HexValue, salt.data(), salt.size(), iterations);
        return CRYPTO_memcmp(actual.data(), expected.data(), kKeyBytes) == 0;
    } catch (const std::exception&) {
        return false;
    }
}

} // namespace ringdesk::store
