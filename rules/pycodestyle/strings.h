// Helpers over tree-sitter `string` nodes shared by W605 and F541.
#pragma once

#include <string_view>

#include "engine/rule.h"
#include "syntax/node.h"

namespace lint::rules {

// A literal's prefix and its letters: literal_prefix and prefix_contains (syntax/node.h).

inline bool is_f_string_prefix(std::string_view prefix) { return prefix_contains(prefix, 'f'); }
inline bool is_raw_prefix(std::string_view prefix) { return prefix_contains(prefix, 'r'); }

// Whether a `string` node has a replacement field (`{x}`) of its own.
inline bool has_interpolation(TSNode string) {
  for (TSNode c : children(string)) {
    if (is(c, "interpolation")) return true;
  }
  return false;
}

}  // namespace lint::rules
