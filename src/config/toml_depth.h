// How deep a TOML document nests, measured before toml++ reads it.
//
// toml++ builds one table per part of a dotted key (`a.b.c = 1`, `[a.b.c]`), without limit, and
// both building and freeing such a tree recurse once per level: a key of 100,000 parts (200 KB
// of `a.a.a...`) overflows the stack. Its limit on nested arrays and inline tables (256) does not
// cover keys. This scan follows the document's structure (table headers, dotted keys, arrays,
// inline tables, strings and comments) and finds the first place deeper than the limit, so the
// document can be refused with a message before it is parsed. Ruff's TOML reader refuses about
// the same depth ("recursion limit").
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

namespace lint {

// Tables, arrays and dotted-key parts nested into each other: a document may go this deep.
inline constexpr size_t kMaxTomlDepth = 128;

struct TomlDepthError {
  uint32_t row = 1, column = 1;  // 1-based; the column counts characters
};

// Where `text` first nests deeper than `limit`, if it does. Text that is not valid TOML is
// scanned as far as it makes sense; toml++ reports what is wrong with it.
std::optional<TomlDepthError> find_excessive_toml_depth(std::string_view text, size_t limit = kMaxTomlDepth);

}  // namespace lint
