// lint_all: the files in parallel, with oneTBB.
//
// Alone in its file so that a ThreadSanitizer build can leave it uninstrumented (see
// CMakeLists.txt): Debian's libtbb is not instrumented, so the hand-offs of its scheduler, half in
// libtbb and half in the templates instantiated here, would look like races between TBB's own
// task objects. Everything a task calls (lint_path and below) is instrumented; what the tasks
// read and write is published to ThreadSanitizer with the acquire/release annotations below,
// standing for the synchronization TBB performs.
#include <tbb/global_control.h>
#include <tbb/info.h>
#include <tbb/parallel_for.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <numeric>

#include "engine/linter.h"

// LINT_TSAN is defined by the build for this file in a ThreadSanitizer build (the compiler's own
// macros are not, as the file is compiled without it).
#ifdef LINT_TSAN
extern "C" void __tsan_acquire(void* addr);
extern "C" void __tsan_release(void* addr);
#define LINT_TSAN_ACQUIRE(x) __tsan_acquire(x)
#define LINT_TSAN_RELEASE(x) __tsan_release(x)
#else
#define LINT_TSAN_ACQUIRE(x) (void)(x)
#define LINT_TSAN_RELEASE(x) (void)(x)
#endif

namespace lint {

std::vector<FileResult> lint_all(const std::vector<SourcePath>& paths, const LintOptions& options) {
  std::vector<FileResult> results(paths.size());
  const int threads = options.threads > 0 ? options.threads : static_cast<int>(tbb::info::default_concurrency());
  tbb::global_control limit(tbb::global_control::max_allowed_parallelism, static_cast<size_t>(threads));
  // Workers take the GIL once per file; the main thread must not hold it meanwhile (DEPS.md).
  std::shared_ptr<void> unlocked = options.python ? options.python->unlock() : nullptr;
  // The largest file first, then the others in their order, each thread taking the next file
  // when it is done with one: the largest taken last (the standard library's is 7% of its bytes)
  // would leave the other threads idle while one finishes it. Only the largest: with every file
  // sorted largest first, the largest ones ran side by side and their memory added up (the 7x
  // corpus peaked 25 MB higher at 2 threads). Results stay at their files' places.
  std::vector<size_t> order(paths.size());
  std::iota(order.begin(), order.end(), size_t{0});
  if (threads > 1 && paths.size() > 1) {
    size_t largest = 0;
    uintmax_t largest_size = 0;
    for (size_t i = 0; i < paths.size(); ++i) {
      std::error_code ec;
      const uintmax_t size = std::filesystem::file_size(paths[i].path, ec);
      if (!ec && size > largest_size) {
        largest = i;
        largest_size = size;
      }
    }
    std::rotate(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(largest),
                order.begin() + static_cast<std::ptrdiff_t>(largest) + 1);
  }
  std::atomic<size_t> next{0};
  LINT_TSAN_RELEASE(&results);  // what the caller prepared, to the tasks
  tbb::parallel_for(
      tbb::blocked_range<int>(0, threads, 1),
      [&](const tbb::blocked_range<int>&) {
        LINT_TSAN_ACQUIRE(&results);
        for (size_t k = next.fetch_add(1); k < order.size(); k = next.fetch_add(1)) {
          const size_t i = order[k];
          try {
            results[i] = lint_path(paths[i], options);
          } catch (const std::exception& e) {
            results[i] = FileResult{};
            results[i].warning = "error: Failed to lint " + paths[i].display + ": " + e.what();
            results[i].internal_error = true;
          }
        }
        LINT_TSAN_RELEASE(&results);  // what the task wrote, to the caller
      },
      tbb::simple_partitioner());
  LINT_TSAN_ACQUIRE(&results);
  return results;
}

}  // namespace lint
