// Small pieces of the flake8-bugbear fixes: spacing around replacements, comments inside a
// range, identifiers, removing one element of a collection display. (Shared edit helpers are
// planned for src/fix/edits.*; these are the ones this family needs meanwhile.)
#pragma once

#include <string>
#include <string_view>

#include "fix/edits.h"
#include "flake8_bugbear/helpers.h"
#include "syntax/source.h"

namespace lint::rules::bugbear {

inline bool is_ascii_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

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

inline bool is_python_keyword(std::string_view s) {
  static constexpr std::string_view kKeywords[] = {
      "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
      "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import",
      "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
      "with", "yield"};
  for (const std::string_view k : kKeywords) {
    if (k == s) return true;
  }
  return false;
}

// Ruff's `is_identifier`: a valid Python identifier that is not a keyword. Characters beyond
// ASCII are taken as letters (Unicode's XID tables are not consulted).
inline bool is_python_identifier(std::string_view s) {
  if (s.empty()) return false;
  for (size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    const bool letter = is_ascii_alpha(static_cast<char>(c)) || c == '_' || c >= 0x80;
    const bool digit = c >= '0' && c <= '9';
    if (!(letter || (i > 0 && digit))) return false;
  }
  return !is_python_keyword(s);
}

// Ruff's `is_mangled_private`: `__name` that Python mangles inside a class.
inline bool is_mangled_private(std::string_view s) { return s.starts_with("__") && !s.ends_with("__"); }

}  // namespace lint::rules::bugbear
