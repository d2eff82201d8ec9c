#include "server/keys/key_files.h"

#include <openssl/crypto.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <stdexcept>
#include <system_error>

namespace ringdesk::keys {
namespace {

[[noreturn]] void throwFileError(const std::string& path, const char* what, int error)
{
    throw std::system_error(error, std::generic_category(), path + ": " + what);
}

/// Closes a file descriptor when it goes out of scope.
class FileDescriptor
{
public:
    explicit FileDescriptor(int fd) : fd_(fd) {}
    FileDescriptor(const FileDescriptor&) = delete;
    FileDescriptor& operator=(const FileDescriptor&) = delete;
    ~FileDescriptor()
    {
        if (fd_ >= 0)
            ::close(fd_);
    }
    int get() const { return fd_; }
    /// Closes now and reports close()'s result (a late write error can surface here).
    int close()
    {
        const int result = ::close(fd_);
        fd_ = -1;
        return result;
    }

private:
    int fd_;
};

/// Deletes a temporary file when it goes out of scope, unless released (renamed into place).
class TemporaryFile
{
public:
    explicit TemporaryFile(std::string path) : path_(std::move(path)) {}
    TemporaryFile(const TemporaryFile&) = delete;
    TemporaryFile& operator=(const TemporaryFile&) = delete;
    ~TemporaryFile()
    {
        if (!path_.empty())
            ::unlink(path_.c_str());
    }
    const std::string& path() const { return path_; }
    void release() { path_.clear(); }

private:
    std::string path_;
};

/// Makes a rename or link in `path`'s directory durable. Best effort on purpose: some file
/// systems refuse fsync on a directory, and the file itself is already complete either way.
void syncParentDirectory(const std::string& path)
{
    const std::size_t slash = path.rfind('/');
    const std::string directory = slash == std::string::npos ? "." : (slash == 0 ? "/" : path.substr(0, slash));
    const int fd = ::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        (void)::fsync(fd);
        ::close(fd);
    }
}

} // namespace

std::optional<std::string> readKeyFileIfExists(const std::string& path)
{
    FileDescriptor fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
    if (fd.get() < 0) {
        if (errno == ENOENT)
            return std::nullopt;
        throwFileError(path, "cannot open", errno);
    }
    // Reserve up front: growing the string would leave copies of a private key in freed memory.
    struct stat info = {};
    if (::fstat(fd.get(), &info) != 0)
        throwFileError(path, "cannot stat", errno);
    if (info.st_size > static_cast<off_t>(kMaxKeyFileBytes))
        throw std::runtime_error(path + ": larger than " + std::to_string(kMaxKeyFileBytes) +
                                 " bytes, not a key file");
    std::string text;
    text.reserve(kMaxKeyFileBytes + 1);
    char buffer[4096];
    for (;;) {
        const ssize_t got = ::read(fd.get(), buffer, sizeof buffer);
        if (got < 0) {
            if (errno == EINTR)
                continue;
            throwFileError(path, "cannot read", errno);
        }
        if (got == 0)
            break;
        text.append(buffer, static_cast<std::size_t>(got));
        if (text.size() > kMaxKeyFileBytes)
            throw std::runtime_error(path + ": larger than " + std::to_string(kMaxKeyFileBytes) +
                                     " bytes, not a key file");
    }
    OPENSSL_cleanse(buffer, sizeof buffer);
    return text;
}

bool writeFileAtomically(const std::string& path, std::string_view data, mode_t mode, IfExists ifExists)
{
    std::string pattern = path + ".tmp-XXXXXX";
    const int rawFd = ::mkostemp(pattern.data(), O_CLOEXEC); // created with mode 0600
    if (rawFd < 0)
        throwFileError(path, "cannot create a temporary file beside", errno);
    FileDescriptor fd(rawFd);
    TemporaryFile temporary(pattern);

    if (::fchmod(fd.get(), mode) != 0)
        throwFileError(temporary.path(), "cannot set the mode of", errno);
    std::size_t written = 0;
    while (written < data.size()) {
        const ssize_t put = ::write(fd.get(), data.data() + written, data.size() - written);
        if (put < 0) {
            if (errno == EINTR)
                continue;
            throwFileError(temporary.path(), "cannot write", errno);
        }
        written += static_cast<std::size_t>(put);
    }
    if (::fsync(fd.get()) != 0)
        throwFileError(temporary.path(), "cannot sync", errno);
    if (fd.close() != 0)
        throwFileError(temporary.path(), "cannot close", errno);

    bool placed = true;
    if (ifExists == IfExists::Keep) {
        if (::link(temporary.path().c_str(), path.c_str()) != 0) {
            const int error = errno;
            if (error == EEXIST)
                placed = false;
            else if (error == EPERM || error == EOPNOTSUPP || error == ENOSYS) {
                if (::rename(temporary.path().c_str(), path.c_str()) != 0)
                    throwFileError(path, "cannot rename a temporary file to", errno);
                temporary.release();
            } else {
                throwFileError(path, "cannot link a temporary file to", error);
            }
        }
    } else {
        if (::rename(temporary.path().c_str(), path.c_str()) != 0)
            throwFileError(path, "cannot rename a temporary file to", errno);
        temporary.release();
    }
    if (placed)
        syncParentDirectory(path);
    return placed; // after link(), ~TemporaryFile removes the temporary name
}

} // namespace ringdesk::keys
