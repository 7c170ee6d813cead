// Helpers over tree-sitter `string` nodes shared by W605 and F541.
#pragma once

#include <string_view>

#include "engine/rule.h"

namespace lint::rules {

// The prefix of a string literal (`f`, `rb`, ...): the letters before its opening quote.
inline std::string_view string_prefix(std::string_view literal) {
  size_t i = 0;
  while (i < literal.size() && literal[i] != '"' && literal[i] != '\'') ++i;
  return literal.substr(0, i);
}

inline bool prefix_has(std::string_view prefix, char lower) {
  for (char c : prefix) {
    if (c == lower || c == lower - ('a' - 'A')) return true;
  }
  return false;
}

inline bool is_f_string_prefix(std::string_view prefix) { return prefix_has(prefix, 'f'); }
inline bool is_raw_prefix(std::string_view prefix) { return prefix_has(prefix, 'r'); }

// Whether a `string` node has a replacement field (`{x}`) of its own.
inline bool has_interpolation(TSNode string) {
  for (TSNode c : children(string)) {
    if (is(c, "interpolation")) return true;
  }
  return false;
}

}  // namespace lint::rules
