// Small pieces of the flake8-bugbear fixes: spacing around replacements, comments inside a
// range, identifiers, removing one element of a collection display. (Shared edit helpers are
// planned for src/fix/edits.*; these are the ones this family needs meanwhile.)
#pragma once

#include <string>
#include <string_view>

#include "flake8_bugbear/helpers.h"

namespace lint::rules::bugbear {

inline bool is_ascii_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Ruff's `pad`: a space before the replacement when a letter comes right before the replaced
// range (`except(A,)` becomes `except A`), and after it when one comes right after.
inline std::string pad(std::string content, uint32_t start, uint32_t end, const Context& ctx) {
  const std::string_view source = ctx.source();
  if (end < source.size() && is_ascii_alpha(source[end])) content.push_back(' ');
  if (start > 0 && is_ascii_alpha(source[start - 1])) content.insert(content.begin(), ' ');
  return content;
}

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

// Whether writing a name as an identifier could change it: Python NFKC-normalizes identifiers.
// A name is known not to change when every character is ASCII or one of the Latin, Greek and
// Cyrillic letters below, which NFKC keeps as they are and never composes with a neighbour
// (ranges computed with Python's unicodedata); any other character is taken as one that might.
inline bool may_change_under_nfkc(std::string_view s) {
  static constexpr char32_t kStable[][2] = {
      {0x00B7, 0x00B7}, {0x00C0, 0x00D6}, {0x00D8, 0x00F6}, {0x00F8, 0x0131}, {0x0134, 0x013E}, {0x0141, 0x0148},
      {0x014A, 0x017E}, {0x0180, 0x01C3}, {0x01CD, 0x01F0}, {0x01F4, 0x02AF}, {0x02B9, 0x02C1}, {0x02C6, 0x02D1},
      {0x02EC, 0x02EC}, {0x02EE, 0x02EE}, {0x034F, 0x034F}, {0x0370, 0x0373}, {0x0376, 0x0377}, {0x037B, 0x037D},
      {0x037F, 0x037F}, {0x0386, 0x0386}, {0x0388, 0x038A}, {0x038C, 0x038C}, {0x038E, 0x03A1}, {0x03A3, 0x03CF},
      {0x03D7, 0x03EF}, {0x03F3, 0x03F3}, {0x03F7, 0x03F8}, {0x03FA, 0x0481}};
  for (size_t i = 0; i < s.size();) {
    const auto lead = static_cast<unsigned char>(s[i]);
    if (lead < 0x80) {
      ++i;
      continue;
    }
    // Two-byte sequences cover U+0080..U+07FF, which holds every stable range above.
    if ((lead & 0xE0) != 0xC0 || i + 1 >= s.size()) return true;
    const char32_t c = (static_cast<char32_t>(lead & 0x1F) << 6) | (static_cast<unsigned char>(s[i + 1]) & 0x3F);
    bool stable = false;
    for (const auto& r : kStable) stable = stable || (c >= r[0] && c <= r[1]);
    if (!stable) return true;
    i += 2;
  }
  return false;
}

}  // namespace lint::rules::bugbear
