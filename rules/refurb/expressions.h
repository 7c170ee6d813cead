// Expression shapes several refurb rules look for: the parts of a subscript's slice, and the
// value of an integer literal.
#pragma once

#include <tree_sitter/api.h>

#include <cerrno>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>

#include "engine/rule.h"
#include "syntax/node.h"

namespace lint::rules::refurb {

// The parts of a subscript whose index is one slice: lower, upper, step (each may be null).
struct SliceParts {
  TSNode lower{}, upper{}, step{};
};

inline std::optional<SliceParts> slice_parts(TSNode subscript) {
  TSNode slice{};
  int count = 0;
  for (auto it = children(subscript).begin(); it != children(subscript).end(); ++it) {
    const char* f = it.field_name();
    if (f && std::string_view(f) == "subscript") {
      slice = *it;
      ++count;
    }
  }
  if (count != 1 || !is(slice, "slice")) return std::nullopt;
  TSNode parts[3] = {};
  int colons = 0;
  for (TSNode c : children(slice)) {
    if (ts_node_is_extra(c)) continue;
    if (is(c, ":")) ++colons;
    else if (ts_node_is_named(c) && colons < 3) parts[colons] = c;
  }
  return SliceParts{parts[0], parts[1], parts[2]};
}

// The value of a non-negative integer literal, if it fits.
inline std::optional<uint64_t> int_value(TSNode n, const Context& ctx) {
  n = unparenthesized(n);
  if (!is(n, "integer")) return std::nullopt;
  std::string digits;
  for (char c : ctx.text(n)) {
    if (c != '_') digits += c;
  }
  if (!digits.empty() && (digits.back() == 'j' || digits.back() == 'J')) return std::nullopt;
  int base = 10;
  size_t skip = 0;
  if (digits.size() > 1 && digits[0] == '0') {
    const char b = static_cast<char>(digits[1] | 0x20);
    base = b == 'x' ? 16 : b == 'o' ? 8 : b == 'b' ? 2 : 10;
    if (base != 10) skip = 2;
  }
  errno = 0;
  char* end = nullptr;
  const unsigned long long v = std::strtoull(digits.c_str() + skip, &end, base);
  if (errno != 0 || *end != '\0') return std::nullopt;
  return v;
}

}  // namespace lint::rules::refurb
