// Writing a fixed file back: only when its content changed, never half-written, never over a
// change made since lint read it.
#pragma once

#include <string>
#include <string_view>

namespace lint {

// What lint read, to tell later whether the file changed on disk since.
struct ReadStamp {
  bool valid = false;
  unsigned long long device = 0, inode = 0;
  long long size = 0;
  long long mtime_ns = 0;
};

// Replaces the file at `path` (following a symlink to the file it names) with `content`:
// written to a temporary file in the same folder with the original's permissions, then renamed
// over it, so a reader sees the old file or the new one, never a mix. Refused when the file is
// no longer what lint read (`original` and `stamp`). Returns "" or the reason it was not
// written.
std::string write_fixed_file(const std::string& path, std::string_view original, const ReadStamp& stamp,
                             std::string_view content);

// Writes `content` to `path` (created or replaced) through a temporary file in the same folder
// and a rename, so the file is never seen half-written. Returns "" or the reason.
std::string write_new_file(const std::string& path, std::string_view content);

}  // namespace lint
