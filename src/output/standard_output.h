// The process's standard streams: checked writes to standard output, and descriptors 0-2 never
// left closed.
//
// A report that cannot be written (a full disk, a closed pipe when SIGPIPE is ignored, a
// quota) must not pass for a clean run: every write to std::cout goes through a buffer that
// writes with write(2), keeps the first error, and at the end (or at std::exit) the run fails
// with exit status 2 and `error: Failed to write to standard output: No space left on device`.
//
// Started with standard output closed, lint's first open() would get descriptor 1, and the
// report would land in that file (a cache entry, a Python rule's log). prepare_standard_streams()
// opens /dev/null on every closed standard descriptor first, as a shell's `>&-` then `>/dev/null`.
#pragma once

#include <cstddef>
#include <string>

namespace lint {

// Call first in main, before anything opens a file: opens /dev/null on closed descriptors 0-2,
// routes std::cout through the checked buffer, and checks it again at std::exit.
void prepare_standard_streams();

// From now on std::cout's bytes go to `fd` (the embedded interpreter gives descriptor 1 to its
// own output and keeps a copy of the real one). Flushes what was written before.
void redirect_standard_output(int fd);

// Flushes and closes standard output; on a write or close error prints it on standard error and
// returns 2, else `status`. Later writes to std::cout are dropped.
int finish_standard_output(int status);

// Reads all of standard input, up to `limit` bytes. Returns "" or what went wrong (a read error,
// or "File too large" past the limit, leaving `out` empty), as the reading of files words it.
std::string read_standard_input(std::string& out, size_t limit);

}  // namespace lint
