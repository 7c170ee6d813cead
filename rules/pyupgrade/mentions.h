// A cheap test before collecting candidates for the semantic model: whether a file can hold a name
// that resolves to one of a few qualified names at all.
#pragma once

#include <initializer_list>
#include <span>
#include <string_view>

namespace lint::rules::up {

// Whether the file could refer to a qualified name whose last segment is one of `segments`. A
// qualified name is made of import statements and attribute names, so its last segment is written
// in the file: as the name called, as the attribute, or as the member imported (`from m import x as
// y`); builtins are named as themselves. The one way around that is NFKC normalisation of a
// non-ASCII name (`ｏｐｅｎ` binds `open`), so a file with any non-ASCII byte counts as a mention.
// Rules that keep every call node until finish() test this once per file first: on dense code the
// kept nodes cost as much memory as the semantic model (32 bytes a node, for each such rule).
inline bool mentions_any(std::string_view source, std::span<const std::string_view> segments) {
  for (const std::string_view s : segments) {
    if (source.find(s) != std::string_view::npos) return true;
  }
  for (const char c : source) {
    if (static_cast<unsigned char>(c) >= 0x80) return true;
  }
  return false;
}

inline bool mentions_any(std::string_view source, std::initializer_list<std::string_view> segments) {
  return mentions_any(source, std::span<const std::string_view>(segments.begin(), segments.size()));
}

}  // namespace lint::rules::up
