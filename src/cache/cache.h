// The result cache: a file's diagnostics, kept from one run to the next, keyed by everything that
// decides them.
//
// A key is a 128-bit XXH3 hash of the file's content, its absolute path and its profile's key
// (profile_key: lint's own binary, the rules enabled and their options, target version,
// per-file-ignores, fix settings, and the content of every Python rule file loaded). An entry is
// one file under the cache folder, named after its key, written to a temporary file and renamed
// into place: readers never see half an entry and need no lock, and two lint processes may
// share a folder. An entry that does not check out (bad magic, wrong length, wrong checksum, a
// rule lint no longer has) is a miss, and is written again.
//
//   .lint_cache/
//     CACHEDIR.TAG        marks the folder as a cache (backup tools skip it)
//     .gitignore          `*`: git ignores all of it
//     v1/ab/cdef...       entries, by key
#pragma once

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/diagnostic.h"

namespace lint {

struct CacheKey {
  uint64_t high = 0, low = 0;
  std::string hex() const;
  friend bool operator==(const CacheKey&, const CacheKey&) = default;
};

// Incremental hashing for keys.
class KeyHasher {
 public:
  KeyHasher();
  ~KeyHasher();
  KeyHasher(const KeyHasher&) = delete;
  KeyHasher& operator=(const KeyHasher&) = delete;
  KeyHasher& add(std::string_view bytes);  // length-prefixed, so ("ab","c") and ("a","bc") differ
  KeyHasher& add(uint64_t value);
  CacheKey finish() const;

 private:
  void* state_;
};

// A hash of lint's own executable: a rebuild invalidates every entry.
uint64_t binary_fingerprint();

struct LintProfile;

// The profile's part of its files' keys: lint's binary, the rules enabled with their options, the
// target version, per-file-ignores, fixable rules and safety overrides, and `extra` (the run's:
// the Python rule files' content, whether JSON output wants noqa rows).
CacheKey profile_cache_key(const LintProfile& profile, const CacheKey& extra);

class ResultCache {
 public:
  explicit ResultCache(std::filesystem::path dir);

  const std::filesystem::path& dir() const { return dir_; }

  static CacheKey file_key(const CacheKey& profile_key, std::string_view absolute_path, std::string_view content);

  // Thread-safe. Null on a miss.
  std::optional<std::vector<Diagnostic>> load(const CacheKey& key) const;
  // Thread-safe; errors (a read-only folder, a full disk) only mean no entry.
  void store(const CacheKey& key, const std::vector<Diagnostic>& diagnostics) const;

  size_t hits() const { return hits_; }
  size_t misses() const { return misses_; }

 private:
  std::filesystem::path entry_path(const CacheKey& key) const;
  bool prepare() const;  // creates the folder with CACHEDIR.TAG and .gitignore

  std::filesystem::path dir_;
  mutable std::atomic<size_t> hits_{0}, misses_{0};
  mutable std::atomic<bool> prepared_{false};
};

// `lint clean`: removes the cache folder `dir` and every `.lint_cache` folder under `root`.
// Returns the folders removed.
std::vector<std::filesystem::path> clean_caches(const std::filesystem::path& root, const std::filesystem::path& dir);

}  // namespace lint
