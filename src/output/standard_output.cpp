#include "output/standard_output.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <streambuf>

namespace lint {

namespace {

// A stream buffer over a file descriptor that remembers the first failed write (and then drops
// what follows, so one failure is reported once).
class CheckedBuffer final : public std::streambuf {
 public:
  CheckedBuffer() { setp(buffer_, buffer_ + sizeof buffer_); }

  void set_descriptor(int fd) {
    flush();
    fd_ = fd;
  }
  int descriptor() const { return fd_; }
  int error() const { return error_; }
  void record(int err) {
    if (!error_) error_ = err;
  }
  void stop() {
    setp(buffer_, buffer_ + sizeof buffer_);
    stopped_ = true;
  }

  bool flush() {
    const char* p = pbase();
    size_t left = static_cast<size_t>(pptr() - pbase());
    setp(buffer_, buffer_ + sizeof buffer_);
    return write_all(p, left);
  }

 protected:
  int_type overflow(int_type c) override {
    flush();
    if (!traits_type::eq_int_type(c, traits_type::eof())) {
      *pptr() = traits_type::to_char_type(c);
      pbump(1);
    }
    return traits_type::not_eof(c);
  }

  std::streamsize xsputn(const char* s, std::streamsize n) override {
    if (static_cast<size_t>(n) <= static_cast<size_t>(epptr() - pptr())) {
      std::memcpy(pptr(), s, static_cast<size_t>(n));
      pbump(static_cast<int>(n));
      return n;
    }
    flush();
    write_all(s, static_cast<size_t>(n));
    return n;
  }

  int sync() override { return flush() ? 0 : -1; }

 private:
  bool write_all(const char* p, size_t n) {
    if (stopped_ || error_) return !error_;
    while (n > 0) {
      const ssize_t w = ::write(fd_, p, n);
      if (w < 0) {
        if (errno == EINTR) continue;
        record(errno);
        return false;
      }
      p += w;
      n -= static_cast<size_t>(w);
    }
    return true;
  }

  char buffer_[1 << 16];
  int fd_ = STDOUT_FILENO;
  int error_ = 0;
  bool stopped_ = false;
};

CheckedBuffer* checked = nullptr;
bool finished = false;

void finish_at_exit() {
  if (finished) return;
  if (finish_standard_output(0) != 0) std::_Exit(2);
}

}  // namespace

void prepare_standard_streams() {
  for (int fd = STDIN_FILENO; fd <= STDERR_FILENO; ++fd) {
    if (::fcntl(fd, F_GETFD) != -1 || errno != EBADF) continue;
    const int opened = ::open("/dev/null", fd == STDIN_FILENO ? O_RDONLY : O_WRONLY);
    if (opened >= 0 && opened != fd) {
      ::dup2(opened, fd);
      ::close(opened);
    }
  }
  // std::ios::sync_with_stdio(false) gives std::cout a new buffer: called here first (later calls
  // change nothing), then replaced by the checked one. Never destroyed: std::cout is flushed at
  // exit, after static objects are gone.
  std::ios::sync_with_stdio(false);
  if (!checked) {
    checked = new CheckedBuffer();
    std::cout.rdbuf(checked);
    std::atexit(finish_at_exit);
  }
}

void redirect_standard_output(int fd) {
  if (!checked) {
    checked = new CheckedBuffer();
    std::cout.flush();
    std::cout.rdbuf(checked);
  }
  checked->set_descriptor(fd);
}

int finish_standard_output(int status) {
  if (finished || !checked) return status;
  finished = true;
  std::cout.flush();
  checked->flush();
  const int fd = checked->descriptor();
  if (::close(fd) != 0 && errno != EINTR) checked->record(errno);
  checked->stop();
  // Nothing opened later may become standard output.
  if (fd <= STDERR_FILENO) {
    const int null = ::open("/dev/null", O_WRONLY);
    if (null >= 0 && null != fd) {
      ::dup2(null, fd);
      ::close(null);
    }
  }
  if (const int err = checked->error()) {
    std::cerr << "error: Failed to write to standard output: " << std::strerror(err) << "\n";
    std::cerr.flush();
    return 2;
  }
  return status;
}

std::string read_standard_input(std::string& out, size_t limit) {
  out.clear();
  struct stat st {};
  if (::fstat(STDIN_FILENO, &st) == 0 && S_ISREG(st.st_mode) && static_cast<uintmax_t>(st.st_size) > limit) {
    return "File too large";
  }
  char buf[1 << 16];
  for (;;) {
    const ssize_t n = ::read(STDIN_FILENO, buf, sizeof buf);
    if (n < 0) {
      if (errno == EINTR) continue;
      const int err = errno;
      out.clear();
      return std::string(std::strerror(err)) + " (os error " + std::to_string(err) + ")";
    }
    if (n == 0) return "";
    if (out.size() + static_cast<size_t>(n) > limit) {
      out.clear();
      out.shrink_to_fit();
      return "File too large";
    }
    // Grown by doubling, but never past the limit.
    if (out.size() + static_cast<size_t>(n) > out.capacity()) out.reserve(std::min(limit, std::max(out.capacity() * 2, sizeof buf)));
    out.append(buf, static_cast<size_t>(n));
  }
}

}  // namespace lint
