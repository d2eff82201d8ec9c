#include "server/admin_contract/admin_token.h"

#include <Poco/File.h>
#include <Poco/Path.h>

#include <openssl/crypto.h>
#include <openssl/rand.h>

#include <array>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <stdexcept>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace ringdesk::admin_api {
namespace {

std::string newToken()
{
    std::array<unsigned char, kTokenHexDigits / 2> bytes{};
    if (RAND_bytes(bytes.data(), static_cast<int>(bytes.size())) != 1)
        throw std::runtime_error("OpenSSL RAND_bytes failed to make an admin token");
    static constexpr char kHex[] = "0123456789abcdef";
    std::string token;
    for (unsigned char b : bytes) {
        token += kHex[b >> 4];
        token += kHex[b & 0x0f];
    }
    return token;
}

std::string trimmed(std::string text)
{
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())))
        text.pop_back();
    return text;
}

bool wellFormed(const std::string& token)
{
    if (token.size() != kTokenHexDigits)
        return false;
    for (char c : token)
        if (!std::isxdigit(static_cast<unsigned char>(c)))
            return false;
    return true;
}

/// Creates `path` with the new token; false when it exists already.
bool createTokenFile(const std::string& path)
{
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) {
        if (errno == EEXIST)
            return false;
        throw std::runtime_error("cannot create the admin token file " + path + ": " + std::strerror(errno));
    }
    const std::string line = newToken() + "\n";
    const ssize_t written = ::write(fd, line.data(), line.size());
    const int closed = ::close(fd);
    if (written != static_cast<ssize_t>(line.size()) || closed != 0) {
        ::unlink(path.c_str());
        throw std::runtime_error("cannot write the admin token file " + path);
    }
    return true;
}

} // namespace

std::string readAdminToken(const std::string& path)
{
    std::ifstream in(path);
    if (!in)
        throw std::runtime_error("cannot read the admin token file " + path + " (" + std::strerror(errno) +
                                 "); the server creates it at its first start, and only its owner may read it");
    std::string token;
    std::getline(in, token);
    token = trimmed(token);
    if (!wellFormed(token))
        throw std::runtime_error("the admin token file " + path + " does not hold a token (64 hex digits)");
    return token;
}

std::string loadOrCreateAdminToken(const std::string& path, std::string& warning)
{
    warning.clear();
    const Poco::Path parent = Poco::Path(path).parent();
    if (!parent.toString().empty())
        Poco::File(parent).createDirectories();
    createTokenFile(path);
    struct stat info
    {};
    if (::stat(path.c_str(), &info) == 0 && (info.st_mode & (S_IRWXG | S_IRWXO)) != 0)
        warning = "the admin token file " + path + " may be read by other users; make it mode 0600";
    return readAdminToken(path);
}

bool tokenMatches(const std::string& expected, const std::string& presented)
{
    if (expected.empty() || expected.size() != presented.size())
        return false;
    return CRYPTO_memcmp(expected.data(), presented.data(), expected.size()) == 0;
}

} // namespace ringdesk::admin_api
