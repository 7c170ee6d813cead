#include "fix/write.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstdlib>
#include <cstring>
#include <memory>

namespace lint {

namespace {

std::string os_error(int err) { return std::string(std::strerror(err)) + " (os error " + std::to_string(err) + ")"; }

bool write_all(int fd, std::string_view data) {
  while (!data.empty()) {
    const ssize_t n = ::write(fd, data.data(), data.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    data.remove_prefix(static_cast<size_t>(n));
  }
  return true;
}

// Whether the file still holds exactly what lint read.
bool unchanged(const std::string& path, std::string_view original, const ReadStamp& stamp) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
  if (fd < 0) return false;
  struct stat st {};
  bool same = ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && static_cast<size_t>(st.st_size) == original.size();
  if (same && stamp.valid) {
    same = static_cast<unsigned long long>(st.st_dev) == stamp.device &&
           static_cast<unsigned long long>(st.st_ino) == stamp.inode;
  }
  std::string now;
  if (same) {
    now.reserve(original.size());
    char buf[1 << 16];
    for (;;) {
      const ssize_t n = ::read(fd, buf, sizeof buf);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) {
        same = n == 0;
        break;
      }
      now.append(buf, static_cast<size_t>(n));
      if (now.size() > original.size()) break;
    }
  }
  ::close(fd);
  return same && now == original;
}

}  // namespace

std::string write_fixed_file(const std::string& path, std::string_view original, const ReadStamp& stamp,
                             std::string_view content) {
  // A symlink stays a symlink: the file it points to gets the new content.
  std::unique_ptr<char, decltype(&std::free)> real(::realpath(path.c_str(), nullptr), &std::free);
  if (!real) return os_error(errno);
  const std::string target = real.get();
  if (!unchanged(target, original, stamp)) return "the file changed on disk after lint read it; not written";

  struct stat st {};
  if (::stat(target.c_str(), &st) != 0) return os_error(errno);
  const size_t slash = target.rfind('/');
  const std::string dir = slash == std::string::npos ? "." : target.substr(0, slash == 0 ? 1 : slash);
  const std::string name = slash == std::string::npos ? target : target.substr(slash + 1);
  std::string temp = dir + (dir.ends_with('/') ? "" : "/") + "." + name + ".lint-XXXXXX";
  const int fd = ::mkstemp(temp.data());
  if (fd < 0) return os_error(errno);
  auto fail = [&](int err) {
    ::close(fd);
    ::unlink(temp.c_str());
    return os_error(err);
  };
  if (::fchmod(fd, st.st_mode & 07777) != 0) return fail(errno);
  // Keep the owner where we may (as root, on a file another user owns); not being able to is fine.
  if (st.st_uid != ::geteuid() || st.st_gid != ::getegid()) (void)!::fchown(fd, st.st_uid, st.st_gid);
  if (!write_all(fd, content)) return fail(errno);
  if (::fsync(fd) != 0) return fail(errno);
  if (::close(fd) != 0) {
    const int err = errno;
    ::unlink(temp.c_str());
    return os_error(err);
  }
  // The last look before the rename: a change made while the temporary file was written wins.
  if (!unchanged(target, original, stamp)) {
    ::unlink(temp.c_str());
    return "the file changed on disk after lint read it; not written";
  }
  if (::rename(temp.c_str(), target.c_str()) != 0) {
    const int err = errno;
    ::unlink(temp.c_str());
    return os_error(err);
  }
  return "";
}

std::string write_new_file(const std::string& path, std::string_view content) {
  const size_t slash = path.rfind('/');
  const std::string dir = slash == std::string::npos ? "." : path.substr(0, slash == 0 ? 1 : slash);
  const std::string name = slash == std::string::npos ? path : path.substr(slash + 1);
  std::string temp = dir + (dir.ends_with('/') ? "" : "/") + "." + name + ".lint-XXXXXX";
  const int fd = ::mkstemp(temp.data());
  if (fd < 0) return os_error(errno);
  // An existing file keeps its permissions; a new one gets the usual ones (0666 less the umask).
  struct stat st {};
  mode_t mode = 0;
  if (::stat(path.c_str(), &st) == 0) {
    mode = st.st_mode & 07777;
  } else {
    const mode_t mask = ::umask(0);
    ::umask(mask);
    mode = 0666 & ~mask;
  }
  if (::fchmod(fd, mode) != 0 || !write_all(fd, content)) {
    const int err = errno;
    ::close(fd);
    ::unlink(temp.c_str());
    return os_error(err);
  }
  if (::close(fd) != 0 || ::rename(temp.c_str(), path.c_str()) != 0) {
    const int err = errno;
    ::unlink(temp.c_str());
    return os_error(err);
  }
  return "";
}

}  // namespace lint
