// Small pieces of the flake8-bugbear fixes: comments touching a range, mangled private names.
// Padding is fix/edits.h's, identifiers are syntax/identifier.h's.
#pragma once

#include <string>
#include <string_view>

#include "fix/edits.h"
#include "flake8_bugbear/helpers.h"
#include "syntax/identifier.h"
#include "syntax/source.h"

namespace lint::rules::bugbear {

// Ruff's `pad` (fix/edits.h).
using lint::edits::pad;

// Ruff's `CommentRanges::intersects`: whether a comment lies inside [start, end) or touches
// either end (`getattr(obj, "name")# note` counts). `within` is a node covering the range; a
// comment can only touch its end from outside it, so that one is found in the source.
inline bool comment_intersects(TSNode within, uint32_t start, uint32_t end, const Context& ctx) {
  if (end < ctx.source().size() && ctx.source()[end] == '#') return true;
  std::vector<TSNode> stack{within};
  while (!stack.empty()) {
    const TSNode top = stack.back();
    stack.pop_back();
    for (TSNode c : children(top)) {
      if (ts_node_end_byte(c) < start || ts_node_start_byte(c) > end) continue;
      if (is_a(c, "comment")) return true;
      if (ts_node_child_count(c) > 0) stack.push_back(c);
    }
  }
  return false;
}

inline bool comment_intersects(TSNode n, const Context& ctx) {
  return comment_intersects(n, ts_node_start_byte(n), ts_node_end_byte(n), ctx);
}

// Ruff's `is_mangled_private`: `__name` that Python mangles inside a class.
inline bool is_mangled_private(std::string_view s) { return s.starts_with("__") && !s.ends_with("__"); }

}  // namespace lint::rules::bugbear
